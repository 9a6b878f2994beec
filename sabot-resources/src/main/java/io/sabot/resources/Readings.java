package io.sabot.resources;

import io.sabot.api.resources.Reading;

/** Small helpers that turn raw platform figures into {@link Reading}s. Stateless. */
final class Readings {

    private Readings() {
    }

    /**
     * A figure that the platform reports as negative when it cannot measure it.
     *
     * @param value  the raw figure
     * @param reason why it is unavailable when negative
     * @return the reading
     */
    static Reading nonNegative(double value, String reason) {
        return value >= 0 && Double.isFinite(value) ? Reading.of(value) : Reading.unavailable(reason);
    }

    /**
     * Clamps a ratio into 0..1; rounding and clock skew can push a share of time slightly outside.
     *
     * @param ratio a share
     * @return the share within 0..1; 0 for NaN
     */
    static double clampRatio(double ratio) {
        if (!(ratio > 0.0)) {
            return 0.0;
        }
        return Math.min(ratio, 1.0);
    }
}
