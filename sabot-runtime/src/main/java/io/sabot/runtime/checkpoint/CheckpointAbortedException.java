package io.sabot.runtime.checkpoint;

/** A checkpoint did not complete: a task failed, a write failed, it timed out, or the coordinator closed. */
public final class CheckpointAbortedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long checkpointId;

    /**
     * Creates the exception.
     *
     * @param checkpointId the checkpoint
     * @param reason       why it was aborted
     */
    public CheckpointAbortedException(long checkpointId, String reason) {
        super("checkpoint " + checkpointId + " aborted: " + reason);
        this.checkpointId = checkpointId;
    }

    /** {@return the aborted checkpoint's number} */
    public long checkpointId() {
        return checkpointId;
    }
}
