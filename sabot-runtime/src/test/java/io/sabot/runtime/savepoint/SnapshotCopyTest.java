package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.ForwardingSavepointStore;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.savepoint.fs.FsSavepointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** How the savepoint manager moves a snapshot's files: several at once, checked, and reported as they go. */
class SnapshotCopyTest {

    @TempDir
    Path dir;

    private FsSavepointStore checkpoints;
    private FsSavepointStore savepoints;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void setUp() throws IOException {
        checkpoints = FsSavepointStore.builder(dir.resolve("checkpoints")).createDirectory(true).fsync(false).build();
        savepoints = FsSavepointStore.builder(dir.resolve("savepoints")).createDirectory(true).fsync(false).build();
    }

    /** Writes checkpoint 1 with {@code sizes.length} agents, agent-i holding {@code sizes[i]} random bytes. */
    private SnapshotMetadata checkpoint(int... sizes) throws IOException {
        CheckpointStorage storage = new CheckpointStorage(checkpoints);
        Random random = new Random(42);
        List<SnapshotFile> files = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] state = new byte[sizes[i]];
            random.nextBytes(state);
            agents.add("agent-" + i);
            files.add(storage.writeState(1, "agent-" + i, state));
        }
        SnapshotMetadata metadata = new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION, SnapshotKind.CHECKPOINT,
                "chk-1", "copy-app", Instant.parse("2026-12-03T10:00:00Z"), "", 1, agents, files, Map.of());
        storage.writeMetadata(metadata);
        return metadata;
    }

    @Test
    void reportsEveryStreamedByteOfACreationAndOfARestoreAsTheyMove() throws IOException {
        SnapshotMetadata chk = checkpoint(3 << 20, 1000, 200_000, 5);
        SavepointManager manager = SavepointManager.builder(savepoints).progress(progress).build();

        CreatedSavepoint created = manager.createFromLatestCheckpoint(new StreamingStore(checkpoints), "");

        assertThat(created.copyMethod()).isEqualTo(CopyMethod.STREAM);
        assertThat(progress.events).containsExactly(
                "started savepoint " + created.id() + " from checkpoint chk-1: " + chk.totalBytes() + " bytes, 4 files",
                "finished true");
        assertThat(progress.bytes.get()).isEqualTo(chk.totalBytes());
        assertThat(progress.advances.get()).as("the 3 MiB file is reported in pieces").isGreaterThan(4);

        progress.reset();
        FsSavepointStore restored = FsSavepointStore.builder(dir.resolve("restored")).createDirectory(true)
                .fsync(false).build();
        SnapshotMetadata checkpoint = manager.restoreAsCheckpoint(created.id(), new StreamingStore(restored));

        assertThat(progress.events).containsExactly("started savepoint " + created.id() + " as checkpoint "
                + checkpoint.id() + ": " + chk.totalBytes() + " bytes, 4 files", "finished true");
        assertThat(progress.bytes.get()).isEqualTo(chk.totalBytes());
        assertThat(new CheckpointStorage(restored).latestCompleted()).contains(checkpoint);
    }

    @Test
    void reportsHardLinkedFilesWhole() throws IOException {
        SnapshotMetadata chk = checkpoint(70_000, 10, 300);
        SavepointManager manager = SavepointManager.builder(savepoints).progress(progress).build();

        CreatedSavepoint created = manager.createFromLatestCheckpoint(checkpoints, "");

        assertThat(created.copyMethod()).isEqualTo(CopyMethod.HARD_LINK);
        assertThat(progress.advances.get()).isEqualTo(3);
        assertThat(progress.bytes.get()).isEqualTo(chk.totalBytes());
    }

    @Test
    void betweenStoresOfOneKindThatMustStreamOnlyTheSmallestFileIsReadBack() throws IOException {
        checkpoint(50_000, 40_000, 30, 60_000, 20_000);
        OpenCounting target = new OpenCounting(savepoints);
        OpenCounting source = new OpenCounting(checkpoints);
        SavepointManager manager = SavepointManager.builder(target).progress(progress).build();

        CreatedSavepoint created = manager.createFromLatestCheckpoint(source, "");

        assertThat(created.copyMethod()).isEqualTo(CopyMethod.STREAM);
        String probe = created.id() + "/" + CheckpointStorage.stateFile("agent-2");
        assertThat(target.opened).as("only the probe, the smallest file, is read back").containsExactly(probe);
        assertThat(source.opened).filteredOn(key -> key.endsWith(".state")).as("each state file read once")
                .hasSize(5).doesNotHaveDuplicates();
        assertThat(SavepointManager.of(savepoints).verify(created.id()).ok()).isTrue();
    }

    @Test
    void aFailedCopyStopsTheOthersBeforeAnythingIsRemovedAndCommitsNothing() throws Exception {
        checkpoint(1000, 1001, 1002, 5000);
        CountDownLatch blocked = new CountDownLatch(3);
        AtomicInteger openStreams = new AtomicInteger();
        SavepointStore failing = new ForwardingSavepointStore(checkpoints) {
            @Override
            public InputStream open(String key) throws IOException {
                if (key.endsWith("agent-3.state")) {
                    try {
                        blocked.await(); // fail only once the three others are stuck mid-copy
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                    throw new IOException("disk on fire");
                }
                if (!key.endsWith(".state")) {
                    return super.open(key);
                }
                openStreams.incrementAndGet();
                return new FilterInputStream(super.open(key)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        blocked.countDown();
                        try {
                            new CountDownLatch(1).await(); // until interrupted
                        } catch (InterruptedException e) {
                            throw new InterruptedIOException("copy interrupted");
                        }
                        return -1;
                    }

                    @Override
                    public void close() throws IOException {
                        super.close();
                        openStreams.decrementAndGet();
                    }
                };
            }
        };
        SavepointManager manager = SavepointManager.builder(savepoints).copyThreads(4).progress(progress).build();

        assertThatThrownBy(() -> manager.createFromLatestCheckpoint(failing, ""))
                .isInstanceOf(SavepointException.class).hasMessageContaining("disk on fire");

        assertThat(openStreams).as("every other copy ended before the error came out").hasValue(0);
        assertThat(savepoints.list("")).isEmpty();
        assertThat(progress.events).last().isEqualTo("finished false");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anInterruptWhileTheOtherCopiesEndDoesNotStartTheCleanUpBeforeThem() throws Exception {
        checkpoint(1000, 1001, 1002, 5000);
        CountDownLatch blocked = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        SavepointStore failing = new ForwardingSavepointStore(checkpoints) {
            @Override
            public InputStream open(String key) throws IOException {
                if (key.endsWith("agent-3.state")) {
                    awaitIgnoringInterrupts(blocked);
                    throw new IOException("disk on fire");
                }
                if (key.endsWith(".state")) {
                    blocked.countDown();
                    awaitIgnoringInterrupts(release); // a store call that does not answer interrupts
                }
                return super.open(key);
            }
        };
        SavepointManager manager = SavepointManager.builder(savepoints).copyThreads(4).progress(progress).build();
        CompletableFuture<Throwable> error = new CompletableFuture<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread creator = new Thread(() -> {
            try {
                manager.createFromLatestCheckpoint(failing, "");
                error.complete(null);
            } catch (Throwable t) {
                interruptKept.set(Thread.currentThread().isInterrupted());
                error.complete(t);
            }
        }, "creator");
        creator.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> creator.getState() == Thread.State.TIMED_WAITING);
        creator.interrupt();
        // Back to waiting for the copies, with the interrupt noted (the flag taken) instead of acted on.
        await().atMost(Duration.ofSeconds(30)).until(() -> creator.getState() == Thread.State.TIMED_WAITING
                && !creator.isInterrupted());
        assertThat(error).isNotDone();

        release.countDown();
        assertThat(error.get(30, TimeUnit.SECONDS)).isInstanceOf(SavepointException.class)
                .hasMessageContaining("disk on fire");
        assertThat(savepoints.list("")).as("nothing committed after the clean-up").isEmpty();
        assertThat(interruptKept).as("the interrupt is handed back to the caller").isTrue();
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anErrorInACopyEndsTheTransferAndLeavesNothingBehind() throws Exception {
        checkpoint(100, 200, 300);
        SavepointStore failing = new ForwardingSavepointStore(checkpoints) {
            @Override
            public InputStream open(String key) throws IOException {
                if (key.endsWith("agent-2.state")) {
                    throw new OutOfMemoryError("simulated: no room for the part buffer");
                }
                return super.open(key);
            }
        };
        SavepointManager manager = SavepointManager.builder(savepoints).copyThreads(1).progress(progress).build();

        assertThatThrownBy(() -> manager.createFromLatestCheckpoint(failing, ""))
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(progress.events).last().isEqualTo("finished false");
        assertThat(savepoints.list("")).isEmpty();
    }

    @Test
    void emptyFilesCopiedNativelyReportNoBytes() throws IOException {
        checkpoint(0, 10, 20);
        CreatedSavepoint created = SavepointManager.builder(savepoints).progress(progress).build()
                .createFromLatestCheckpoint(checkpoints, "");
        assertThat(created.copyMethod()).isEqualTo(CopyMethod.HARD_LINK);
        assertThat(progress.bytes).hasValue(30); // RecordingProgress refuses a report of 0 bytes
        assertThat(progress.advances).hasValue(2);
    }

    @Test
    void copiesOneFileAfterAnotherWithOneThreadAndRefusesFewer() throws IOException {
        SnapshotMetadata chk = checkpoint(100, 200, 300);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SavepointStore source = new ForwardingSavepointStore(checkpoints) {
            @Override
            public InputStream open(String key) throws IOException {
                threads.add(Thread.currentThread().getName());
                return super.open(key);
            }
        };
        CreatedSavepoint created = SavepointManager.builder(savepoints).copyThreads(1).build()
                .createFromLatestCheckpoint(source, "");
        assertThat(created.metadata().totalBytes()).isEqualTo(chk.totalBytes());
        assertThat(threads).containsExactly(Thread.currentThread().getName());
        assertThatThrownBy(() -> SavepointManager.builder(savepoints).copyThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("copy threads must be at least 1, got 0");
    }

    /** Remembers the keys opened for reading. */
    private static final class OpenCounting extends ForwardingSavepointStore {
        final List<String> opened = new CopyOnWriteArrayList<>();

        OpenCounting(SavepointStore delegate) {
            super(delegate);
        }

        @Override
        public InputStream open(String key) throws IOException {
            opened.add(key);
            return super.open(key);
        }
    }

    /** Records what a transfer reports; the byte count from any thread. */
    private static final class RecordingProgress implements TransferProgress {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger advances = new AtomicInteger();

        @Override
        public void started(String what, long totalBytes, int files) {
            events.add("started " + what + ": " + totalBytes + " bytes, " + files + " files");
        }

        @Override
        public void advanced(long n) {
            assertThat(n).isPositive();
            bytes.addAndGet(n);
            advances.incrementAndGet();
        }

        @Override
        public void finished(boolean succeeded) {
            events.add("finished " + succeeded);
        }

        void reset() {
            events.clear();
            bytes.set(0);
            advances.set(0);
        }
    }
}
