package io.sabot.runtime.savepoint;

import io.sabot.savepoint.fs.FsSavepointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Eight threads, each with its own manager over one store, create savepoints at once: none is lost. */
class ConcurrentSavepointCreatorsTest {

    private static final int CREATORS = 8;
    private static final int EACH = 6;

    @TempDir
    Path dir;

    @Test
    void everySavepointOfEightConcurrentCreatorsIsListed() throws Exception {
        FsSavepointStore checkpoints = FsSavepointStore.builder(dir.resolve("chk")).createDirectory(true)
                .fsync(false).build();
        TestCheckpoints.write(checkpoints, 1, 4096);
        FsSavepointStore savepoints = FsSavepointStore.builder(dir.resolve("sp")).createDirectory(true).build();
        ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < CREATORS; t++) {
                int creator = t;
                futures.add(pool.submit(() -> {
                    SavepointManager manager = SavepointManager.of(savepoints);
                    start.await();
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < EACH; i++) {
                        ids.add(manager.createFromLatestCheckpoint(i % 2 == 0 ? checkpoints
                                : new StreamingStore(checkpoints), "creator " + creator).id());
                    }
                    return ids;
                }));
            }
            start.countDown();
            List<String> created = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                created.addAll(f.get(120, TimeUnit.SECONDS));
            }

            SavepointManager manager = SavepointManager.of(savepoints);
            List<SavepointEntry> listed = manager.list();
            Set<String> unique = new HashSet<>(created);
            assertThat(unique).hasSize(CREATORS * EACH);
            assertThat(listed).extracting(SavepointEntry::id).containsExactlyInAnyOrderElementsOf(created)
                    .isSorted();
            assertThat(manager.verifyAll()).allMatch(VerificationResult::ok);
        } finally {
            pool.shutdownNow();
        }
    }
}
