package io.sabot.resources;

import io.sabot.api.resources.Reading;

/**
 * Measures one thread's cumulative CPU time and allocated bytes. {@link JmxThreadMeter} is the implementation on
 * the JVM's {@code ThreadMXBean}; tests may supply another.
 *
 * <p>Thread-safety: implementations must be safe to call from the monitor's thread while the measured thread runs.
 */
public interface ThreadMeter {

    /**
     * The CPU time the thread has used since it started.
     *
     * @param thread the thread
     * @return nanoseconds, or an unavailable reading saying why the JVM cannot measure it
     */
    Reading cpuNanos(Thread thread);

    /**
     * The bytes the thread has allocated on the heap since it started.
     *
     * @param thread the thread
     * @return bytes, or an unavailable reading saying why the JVM cannot measure it
     */
    Reading allocatedBytes(Thread thread);
}
