package io.sabot.runtime.checkpoint;

/**
 * A source or agent as the checkpoint coordinator sees it: told when a checkpoint starts and when one is aborted.
 *
 * <p>Thread-safety: both methods are called from the coordinator's threads while the task runs; they must not
 * block.
 */
public interface CheckpointParticipant {

    /** {@return the task's name (a source's name or an agent's id)} */
    String id();

    /**
     * A checkpoint started. A source injects its barrier at its next consistent point; an agent that already
     * finished acknowledges with its final state; a running agent waits for the barrier on its inputs.
     *
     * @param checkpointId the checkpoint
     */
    void checkpointTriggered(long checkpointId);

    /**
     * A checkpoint was aborted: an agent aligning its inputs for it stops waiting.
     *
     * @param checkpointId the checkpoint
     */
    void checkpointAborted(long checkpointId);
}
