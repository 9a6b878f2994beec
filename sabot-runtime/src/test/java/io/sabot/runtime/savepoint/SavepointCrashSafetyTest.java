package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.savepoint.fs.FsSavepointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a JVM that creates and deletes savepoints with SIGKILL at random points, again and again, and checks after
 * every kill that the store holds only whole savepoints (every listed one verifies) and that clean-up removes
 * everything else.
 */
class SavepointCrashSafetyTest {

    private static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void killedCreatorsNeverLeaveABrokenSavepoint() throws Exception {
        Path checkpointDir = Files.createDirectories(dir.resolve("checkpoints"));
        Path savepointDir = Files.createDirectories(dir.resolve("savepoints"));
        FsSavepointStore checkpoints = FsSavepointStore.builder(checkpointDir).fsync(false).build();
        TestCheckpoints.write(checkpoints, 1, 256 * 1024);
        FsSavepointStore savepoints = FsSavepointStore.open(savepointDir);
        SavepointManager manager = SavepointManager.builder(savepoints)
                .tempFileCleaner(savepoints::deleteTempFiles).build();
        Random random = new Random(42);
        int leftovers = 0;
        Set<String> everListed = new HashSet<>();

        for (int kill = 0; kill < KILLS; kill++) {
            Process child = startCreator(checkpointDir, savepointDir);
            try {
                awaitReady(child);
                // The random delay only chooses where in the child's endless loop the kill lands.
                Thread.sleep(random.nextInt(40));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits after SIGKILL").isTrue();
            }

            List<SavepointEntry> listed = manager.list();
            assertThat(listed).allSatisfy(e -> assertThat(e.warning()).isEmpty());
            for (VerificationResult result : manager.verifyAll()) {
                assertThat(result.problems()).as("savepoint %s after kill %d", result.id(), kill).isEmpty();
            }
            listed.forEach(e -> everListed.add(e.id()));

            CleanupResult cleanup = manager.cleanUp(Duration.ZERO);
            leftovers += cleanup.incompleteRemoved().size() + cleanup.tempFilesRemoved();
            assertOnlyWholeSavepointsRemain(savepointDir, manager.list());
        }
        assertThat(everListed).as("the child made progress").hasSizeGreaterThan(5);
        assertThat(leftovers).as("some kills interrupted a create or delete").isPositive();
    }

    private static Process startCreator(Path checkpointDir, Path savepointDir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                // Skipping bytecode verification of the class path roughly halves start-up on a loaded machine.
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-BytecodeVerificationRemote",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), SavepointCreatorMain.class.getName(),
                checkpointDir.toString(), savepointDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(120, TimeUnit.SECONDS);
        assertThat(line).as("the child's first line").isEqualTo("READY");
    }

    private static void assertOnlyWholeSavepointsRemain(Path savepointDir, List<SavepointEntry> listed)
            throws IOException {
        Map<String, Set<String>> expected = new HashMap<>();
        for (SavepointEntry entry : listed) {
            SnapshotMetadata m = entry.metadata().orElseThrow();
            Set<String> files = m.files().stream().map(SnapshotFile::path)
                    .collect(Collectors.toCollection(HashSet::new));
            files.add(SnapshotMetadata.METADATA_FILE);
            expected.put(m.id(), files);
        }
        try (Stream<Path> walk = Files.walk(savepointDir)) {
            for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Path relative = savepointDir.relativize(file);
                assertThat(relative.getNameCount()).as("%s", relative).isEqualTo(2);
                String id = relative.getName(0).toString();
                assertThat(expected).as("%s belongs to a listed savepoint", relative).containsKey(id);
                assertThat(expected.get(id)).as("%s is a file of its savepoint", relative)
                        .contains(relative.getName(1).toString());
            }
        }
    }
}
