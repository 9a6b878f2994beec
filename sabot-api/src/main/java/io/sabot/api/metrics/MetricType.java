package io.sabot.api.metrics;

/** The kinds of metric. */
public enum MetricType {
    /** A monotonically increasing count; its name ends in {@code _total}. */
    COUNTER,
    /** A value that goes up and down, set directly or read from a callback. */
    GAUGE,
    /** A distribution of durations, recorded in nanoseconds and exported in seconds; its name ends in {@code _seconds}. */
    TIMER,
    /** A distribution of values in the unit its name states (bytes, events). */
    HISTOGRAM
}
