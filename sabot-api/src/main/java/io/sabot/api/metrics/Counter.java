package io.sabot.api.metrics;

/**
 * A handle to one counter series. Obtain it once and keep it: incrementing is a single atomic add.
 *
 * <p>Thread-safety: safe to use from any number of threads.
 */
public interface Counter {

    /** Adds one. */
    default void inc() {
        inc(1);
    }

    /**
     * Adds {@code n}.
     *
     * @param n zero or more
     */
    void inc(long n);

    /** {@return the count so far} */
    long count();
}
