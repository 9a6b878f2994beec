package io.sabot.runtime.savepoint;

import io.sabot.api.agent.SourcePosition;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** TEST FIXTURE: writes completed checkpoints in the {@link CheckpointStorage} layout, as a worker would. */
final class TestCheckpoints {

    static final String APP = "fraud-app";
    static final List<String> AGENTS = List.of("detect", "alert-sink", "enrich");

    private TestCheckpoints() {
    }

    /**
     * Writes checkpoint {@code n} with one state file per agent of {@link #AGENTS}, the first {@code bigBytes} long,
     * and a source position of {@code n * 100}.
     */
    static SnapshotMetadata write(SavepointStore store, long n, int bigBytes) throws IOException {
        CheckpointStorage storage = new CheckpointStorage(store);
        Random random = new Random(n);
        List<SnapshotFile> files = new ArrayList<>();
        for (int i = 0; i < AGENTS.size(); i++) {
            byte[] state = new byte[i == 0 ? bigBytes : 100 + i];
            random.nextBytes(state);
            files.add(storage.writeState(n, AGENTS.get(i), state));
        }
        SnapshotMetadata metadata = new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION, SnapshotKind.CHECKPOINT,
                CheckpointStorage.checkpointName(n), APP, Instant.parse("2026-12-03T10:00:00Z").plusSeconds(n), "",
                n, AGENTS, files, Map.of("transactions", new SourcePosition(n * 100, Map.of("file", "tx.csv"))));
        storage.writeMetadata(metadata);
        return metadata;
    }

    /** The state bytes checkpoint {@code n} holds for an agent. */
    static byte[] state(SavepointStore store, long n, String agent) throws IOException {
        return store.read(CheckpointStorage.checkpointName(n) + "/" + CheckpointStorage.stateFile(agent));
    }
}
