package io.sabot.api.metrics;

/**
 * A handle to one settable gauge series.
 *
 * <p>Thread-safety: safe to use from any number of threads; the last {@link #set(double)} wins.
 */
public interface Gauge {

    /**
     * Sets the value.
     *
     * @param value the new value
     */
    void set(double value);

    /** {@return the current value} */
    double value();
}
