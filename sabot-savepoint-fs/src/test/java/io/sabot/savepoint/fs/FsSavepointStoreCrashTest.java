package io.sabot.savepoint.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.savepoint.StoredObject;
import io.sabot.tck.savepoint.PatternInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed with SIGKILL at random points never leaves a partial object under a key: everything
 * listed is whole, and the temporary files it left are removed by clean-up.
 */
class FsSavepointStoreCrashTest {

    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @Test
    void killedWritersLeaveOnlyWholeObjectsAndCleanableTemporaryFiles() throws Exception {
        Random random = new Random(20261203L);
        long expectedCrc = PatternInputStream.crcOf(FsCrashWriter.SIZE);
        for (int round = 0; round < ROUNDS; round++) {
            Path storeDir = Files.createDirectory(dir.resolve("round-" + round));
            int writesBeforeKill = random.nextInt(4);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FsCrashWriter.class.getName(), storeDir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (int i = 0; i < writesBeforeKill; i++) {
                    assertThat(out.readLine()).as("the writer reports its writes").isNotNull();
                }
                child.destroyForcibly();
                assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
            }

            FsSavepointStore store = FsSavepointStore.open(storeDir);
            List<StoredObject> listed = store.list("");
            assertThat(listed.size()).as("round %d lists at least what was reported", round)
                    .isGreaterThanOrEqualTo(2 * writesBeforeKill);
            for (StoredObject o : listed) {
                if (o.key().endsWith("state.bin")) {
                    assertThat(o.size()).as(o.key()).isEqualTo(FsCrashWriter.SIZE);
                    assertThat(crc(store, o.key())).as(o.key()).isEqualTo(expectedCrc);
                } else {
                    assertThat(o.size()).as(o.key()).isEqualTo(100);
                }
            }
            store.deleteTempFiles(Duration.ZERO);
            try (Stream<Path> files = Files.walk(storeDir)) {
                assertThat(files.filter(p -> p.getFileName().toString().startsWith(FsSavepointStore.TEMP_PREFIX)))
                        .isEmpty();
            }
            assertThat(store.list("")).isEqualTo(listed);
        }
    }

    private static long crc(FsSavepointStore store, String key) throws Exception {
        CRC32C crc = new CRC32C();
        try (InputStream in = store.open(key)) {
            crc.update(in.readAllBytes());
        }
        return crc.getValue();
    }
}
