package io.sabot.api.resources;

/**
 * How backpressured an agent is, from NONE to CRITICAL. The numeric {@link #ordinal()} (0..4) is what the
 * {@code sabot_agent_backpressure_level} gauge reports.
 */
public enum BackpressureLevel {
    /** Free to run. */
    NONE,
    /** Slightly held back. */
    LOW,
    /** Noticeably held back. */
    MEDIUM,
    /** Mostly held back. */
    HIGH,
    /** At or beyond its limit. */
    CRITICAL;

    /**
     * The worse of two levels.
     *
     * @param other another level
     * @return whichever is higher
     */
    public BackpressureLevel worse(BackpressureLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
