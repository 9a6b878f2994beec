package io.sabot.runtime.source;

/**
 * Waits for a while: the seam through which rate-limited sources pause, so tests can run them without sleeping.
 *
 * <p>Thread-safety: implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));

    /**
     * Waits.
     *
     * @param nanos how long, in nanoseconds; positive
     * @throws InterruptedException if interrupted while waiting
     */
    void sleepNanos(long nanos) throws InterruptedException;
}
