package io.sabot.api.metrics;

/**
 * A handle to one histogram series: a distribution of values in the unit its name states.
 *
 * <p>Thread-safety: safe to use from any number of threads.
 */
public interface Histogram {

    /**
     * Records one value.
     *
     * @param value the value
     */
    void update(double value);

    /** {@return how many values were recorded} */
    long count();
}
