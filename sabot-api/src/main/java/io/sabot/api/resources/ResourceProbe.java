package io.sabot.api.resources;

/**
 * Measures resources: the SPI behind process, system and JVM figures.
 *
 * <p>A sample must be cheap (well under a millisecond) because the monitor takes one per probe every interval.
 * Ratios over time (CPU) are measured since the previous call to {@link #sample()}; the first call may report them
 * as unavailable.
 *
 * <p>Thread-safety: implementations must be thread-safe; the monitor calls them from its own thread and
 * {@code sabot resources} may call them from another.
 */
public interface ResourceProbe {

    /** {@return the probe's name, a valid identifier, for example {@code process}} */
    String name();

    /**
     * Takes a sample. Figures the probe cannot measure on this platform are reported as
     * {@link Reading#unavailable(String) unavailable}, never as zero.
     *
     * @return the sample
     */
    ResourceSample sample();
}
