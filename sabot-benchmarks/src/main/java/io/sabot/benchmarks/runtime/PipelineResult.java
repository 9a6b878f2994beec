package io.sabot.benchmarks.runtime;

/**
 * What the sink of one pipeline run saw, checked after the run: every event arrived, and the running sum is the
 * sum of every mapped event. Written by the sink's thread before it ends; read after joining it.
 */
final class PipelineResult {

    private volatile long count;
    private volatile long lastSum;

    /**
     * Records what the sink saw.
     *
     * @param events  how many events reached the sink
     * @param lastSum the last running sum it received
     */
    void record(long events, long lastSum) {
        this.count = events;
        this.lastSum = lastSum;
    }

    /**
     * Fails unless the sink saw all {@code events} events (0 to events-1, each mapped to itself plus 1) and the
     * final running sum.
     *
     * @param events how many events the source emitted
     * @param which  the pipeline, for the message
     */
    void requireComplete(long events, String which) {
        long expectedSum = events * (events + 1) / 2;
        if (count != events || lastSum != expectedSum) {
            throw new IllegalStateException(which + " pipeline: the sink saw " + count + " events with final sum "
                    + lastSum + ", expected " + events + " events with sum " + expectedSum);
        }
    }
}
