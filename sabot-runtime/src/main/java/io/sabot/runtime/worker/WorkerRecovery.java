package io.sabot.runtime.worker;

import io.sabot.api.agent.SourcePosition;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointCoordinator;
import io.sabot.runtime.checkpoint.RecoveryState;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a worker's tasks resume from at each (re)start: the latest checkpoint this worker completed, or - until it
 * has completed one - the snapshot it was started from (the latest checkpoint with {@code --recover}, a savepoint
 * with {@code --from-savepoint}, nothing on a fresh start). Checkpoints an earlier worker left in the same directory
 * are never used unless the worker was told to recover.
 *
 * <p>Thread-safety: thread-safe; tasks call it from their own threads.
 */
final class WorkerRecovery implements RecoveryState {

    private final CheckpointCoordinator coordinator;
    private final long baseline;
    private final RecoveryState initial;

    /**
     * Creates the recovery state.
     *
     * @param coordinator the worker's checkpoint coordinator
     * @param baseline    the number of the newest checkpoint present before this worker started, or -1; only
     *                    checkpoints above it are this worker's own
     * @param initial     where to resume from until this worker completes a checkpoint
     */
    WorkerRecovery(CheckpointCoordinator coordinator, long baseline, RecoveryState initial) {
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.baseline = baseline;
        this.initial = Objects.requireNonNull(initial, "initial");
    }

    private RecoveryState current() {
        Optional<SnapshotMetadata> latest = coordinator.latestCompleted();
        if (latest.isPresent() && latest.get().checkpointId() > baseline) {
            return coordinator.recoveryState();
        }
        return initial;
    }

    @Override
    public Optional<byte[]> agentState(String agentId) throws IOException {
        return current().agentState(agentId);
    }

    @Override
    public Optional<SourcePosition> sourcePosition(String source) throws IOException {
        return current().sourcePosition(source);
    }
}
