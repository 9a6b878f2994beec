package io.sabot.benchmarks.cli;

import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.runtime.savepoint.SavepointManager;
import io.sabot.savepoint.fs.FsSavepointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fills an app's data directory with one small checkpoint and N savepoints made from it, for timing
 * {@code sabot savepoint list} (see docs/performance.md). Usage: {@code ManySavepoints <app dir> <count>}.
 */
public final class ManySavepoints {

    private ManySavepoints() {
    }

    /**
     * Runs the program.
     *
     * @param args the app's directory (for example {@code $SABOT_HOME/apps/fraud-app}) and the number of savepoints
     * @throws Exception if a store cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Files.createDirectories(app.resolve("checkpoints"));
        Files.createDirectories(app.resolve("savepoints"));
        try (FsSavepointStore checkpoints = FsSavepointStore.open(app.resolve("checkpoints"));
             FsSavepointStore savepoints = FsSavepointStore.open(app.resolve("savepoints"))) {
            CheckpointStorage storage = new CheckpointStorage(checkpoints);
            SnapshotFile file = storage.writeState(1, "detector", new byte[4096]);
            storage.writeMetadata(new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION, SnapshotKind.CHECKPOINT,
                    CheckpointStorage.checkpointName(1), "fraud-app", Instant.now(), "", 1, List.of("detector"),
                    List.of(file), Map.of()));
            SavepointManager manager = SavepointManager.of(savepoints);
            for (int i = 0; i < count; i++) {
                manager.createFromCheckpoint(checkpoints, 1, "savepoint " + i);
            }
        }
        System.out.println(count + " savepoints in " + app.resolve("savepoints"));
    }
}
