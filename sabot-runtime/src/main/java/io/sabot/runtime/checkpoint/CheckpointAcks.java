package io.sabot.runtime.checkpoint;

import io.sabot.api.agent.SourcePosition;

/**
 * What sources and agents report to the checkpoint coordinator. Implemented by {@link CheckpointCoordinator};
 * {@link #NONE} ignores everything, for running without checkpoints.
 *
 * <p>Thread-safety: implementations must be thread-safe; every task calls from its own thread.
 */
public interface CheckpointAcks {

    /** Ignores every report. */
    CheckpointAcks NONE = new CheckpointAcks() {
        @Override
        public void acknowledgeAgent(long checkpointId, String agentId, byte[] state) {
            // no checkpoints
        }

        @Override
        public void acknowledgeSource(long checkpointId, String source, io.sabot.api.agent.SourcePosition position) {
            // no checkpoints
        }

        @Override
        public void taskFailed(String task, Throwable cause) {
            // no checkpoints
        }
    };

    /**
     * An agent took its snapshot for a checkpoint (its barrier had arrived on all its inputs).
     *
     * @param checkpointId the checkpoint
     * @param agentId      the agent
     * @param state        its state snapshot; not modified afterwards
     */
    void acknowledgeAgent(long checkpointId, String agentId, byte[] state);

    /**
     * A source injected a checkpoint's barrier after its last event before the checkpoint.
     *
     * @param checkpointId the checkpoint
     * @param source       the source
     * @param position     where the source's next event comes from
     */
    void acknowledgeSource(long checkpointId, String source, SourcePosition position);

    /**
     * A task failed: a checkpoint in progress cannot complete consistently and is aborted.
     *
     * @param task  the failed source or agent
     * @param cause what it threw
     */
    void taskFailed(String task, Throwable cause);
}
