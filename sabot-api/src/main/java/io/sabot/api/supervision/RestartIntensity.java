package io.sabot.api.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * The most restarts a supervisor performs in a sliding window before it gives up (OTP's {@code intensity} and
 * {@code period}).
 *
 * <p>With {@code maxRestarts = R} and {@code period = T}, the supervisor performs a restart only if fewer than R
 * restarts happened in the last T; the (R+1)-th restart within T makes it terminate all its children and fail.
 * {@code maxRestarts = 0} means any exit that needs a restart makes the supervisor give up.
 *
 * @param maxRestarts the most restarts within {@code period}; zero or more
 * @param period      the length of the sliding window; positive
 */
public record RestartIntensity(int maxRestarts, Duration period) {

    /** Three restarts in sixty seconds: the original design's default. */
    public static final RestartIntensity DEFAULT = new RestartIntensity(3, Duration.ofSeconds(60));
    /**
     * Creates the record, validating and copying its components.
     *
     * @param maxRestarts the most restarts within {@code period}; zero or more
     * @param period the length of the sliding window; positive
     */
    public RestartIntensity {
        Objects.requireNonNull(period, "restart period must not be null");
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("restart intensity must be zero or more, got " + maxRestarts);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("restart period must be positive, got " + period);
        }
    }

    /**
     * Creates an intensity.
     *
     * @param maxRestarts the most restarts within {@code period}; zero or more
     * @param period      the sliding window; positive
     * @return the intensity
     */
    public static RestartIntensity of(int maxRestarts, Duration period) {
        return new RestartIntensity(maxRestarts, period);
    }
}
