package io.sabot.benchmarks.runtime;

import io.sabot.api.agent.SourcePosition;
import io.sabot.runtime.checkpoint.CheckpointAcks;
import java.util.Map;

/**
 * Passes the tasks' checkpoint reports to the coordinator and, once an agent's snapshot is reported (on the agent's
 * own thread, at the end of its snapshot hook), tells that agent's {@link PauseRecorder}.
 *
 * <p>Thread-safety: thread-safe; the recorders map is not modified after creation.
 */
final class RecordingAcks implements CheckpointAcks {

    private final CheckpointAcks delegate;
    private final Map<String, PauseRecorder> recorders;

    /**
     * Creates the wrapper.
     *
     * @param delegate  the coordinator
     * @param recorders the recorders by agent id; agents without one are only passed on
     */
    RecordingAcks(CheckpointAcks delegate, Map<String, PauseRecorder> recorders) {
        this.delegate = delegate;
        this.recorders = recorders;
    }

    @Override
    public void acknowledgeAgent(long checkpointId, String agentId, byte[] state) {
        delegate.acknowledgeAgent(checkpointId, agentId, state);
        PauseRecorder recorder = recorders.get(agentId);
        if (recorder != null) {
            recorder.snapshotReported(checkpointId, System.nanoTime());
        }
    }

    @Override
    public void acknowledgeSource(long checkpointId, String source, SourcePosition position) {
        delegate.acknowledgeSource(checkpointId, source, position);
    }

    @Override
    public void taskFailed(String task, Throwable cause) {
        delegate.taskFailed(task, cause);
    }
}
