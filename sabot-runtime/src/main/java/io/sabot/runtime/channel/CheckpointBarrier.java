package io.sabot.runtime.channel;

/**
 * Marks, in a channel, the point of checkpoint {@code checkpointId}: every event before it belongs to the
 * checkpoint's state, every event after it does not. Immutable.
 *
 * @param checkpointId the checkpoint's number; 1 or more
 */
public record CheckpointBarrier(long checkpointId) implements ControlElement {

    /**
     * Creates the barrier.
     *
     * @param checkpointId the checkpoint's number; 1 or more
     */
    public CheckpointBarrier {
        if (checkpointId < 1) {
            throw new IllegalArgumentException("checkpoint id must be 1 or more, got " + checkpointId);
        }
    }
}
