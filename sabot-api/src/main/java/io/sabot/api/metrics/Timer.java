package io.sabot.api.metrics;

import java.time.Duration;

/**
 * A handle to one timer series: a distribution of durations, exported in seconds with a count and a sum.
 *
 * <p>Thread-safety: safe to use from any number of threads.
 */
public interface Timer {

    /**
     * Records one duration.
     *
     * @param nanos the duration in nanoseconds; zero or more
     */
    void recordNanos(long nanos);

    /**
     * Records one duration.
     *
     * @param duration the duration
     */
    default void record(Duration duration) {
        recordNanos(duration.toNanos());
    }

    /** {@return how many durations were recorded} */
    long count();
}
