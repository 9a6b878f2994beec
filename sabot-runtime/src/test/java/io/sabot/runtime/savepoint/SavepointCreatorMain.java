package io.sabot.runtime.savepoint;

import io.sabot.savepoint.fs.FsSavepointStore;

import java.nio.file.Path;
import java.util.List;

/**
 * TEST FIXTURE: the child JVM of {@link SavepointCrashSafetyTest}. Creates savepoints from the latest checkpoint
 * forever - hard-linked, and every third one streamed - deleting the oldest when more than four exist, until it is
 * killed. Prints {@code READY} once its first savepoint is made (the code is loaded), so kills land in the loop.
 *
 * <p>Arguments: the checkpoint directory, the savepoint directory.
 */
public final class SavepointCreatorMain {

    private SavepointCreatorMain() {
    }

    /**
     * Runs until killed.
     *
     * @param args the checkpoint directory and the savepoint directory
     * @throws Exception on any failure (the parent then sees the process exit)
     */
    public static void main(String[] args) throws Exception {
        FsSavepointStore checkpoints = FsSavepointStore.builder(Path.of(args[0])).fsync(false).build();
        FsSavepointStore savepoints = FsSavepointStore.builder(Path.of(args[1])).fsync(false).build();
        SavepointManager manager = SavepointManager.of(savepoints);
        StreamingStore streamed = new StreamingStore(checkpoints);
        for (long i = 0; ; i++) {
            manager.createFromLatestCheckpoint(i % 3 == 2 ? streamed : checkpoints, "crash test " + i);
            List<SavepointEntry> entries = manager.list();
            if (entries.size() > 4) {
                manager.delete(entries.get(0).id());
            }
            if (i == 0) {
                System.out.println("READY");
                System.out.flush();
            }
        }
    }
}
