package io.sabot.api.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * An optional delay before restarts, growing exponentially from {@code min} to {@code max} for consecutive restarts
 * of the same child, and reset once the child has run for {@code resetAfter} without failing.
 *
 * <p>The default, {@link #NONE}, restarts at once, as OTP does.
 *
 * @param min        the first delay; zero or more
 * @param max        the largest delay; at least {@code min}
 * @param jitter     the random share added to each delay, from 0 (none) to 1 (up to double)
 * @param resetAfter how long a child must run without failing for the next delay to start again from {@code min};
 *                   positive
 */
public record Backoff(Duration min, Duration max, double jitter, Duration resetAfter) {

    /** No delay: restart immediately. */
    public static final Backoff NONE = new Backoff(Duration.ZERO, Duration.ZERO, 0.0, Duration.ofSeconds(1));
    /**
     * Creates the record, validating and copying its components.
     *
     * @param min the first delay; zero or more
     * @param max the largest delay; at least {@code min}
     * @param jitter the random share added to each delay, from 0 (none) to 1 (up to double)
     * @param resetAfter how long a child must run without failing for the next delay to start again from {@code min}; positive
     */
    public Backoff {
        Objects.requireNonNull(min, "backoff min must not be null");
        Objects.requireNonNull(max, "backoff max must not be null");
        Objects.requireNonNull(resetAfter, "backoff resetAfter must not be null");
        if (min.isNegative()) {
            throw new IllegalArgumentException("backoff min must be zero or more, got " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff max (" + max + ") must not be less than min (" + min + ")");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("backoff jitter must be between 0 and 1, got " + jitter);
        }
        if (resetAfter.isZero() || resetAfter.isNegative()) {
            throw new IllegalArgumentException("backoff resetAfter must be positive, got " + resetAfter);
        }
    }

    /**
     * Creates an exponential backoff with 20% jitter, reset after {@code max} of stable running.
     *
     * @param min the first delay
     * @param max the largest delay
     * @return the backoff
     */
    public static Backoff exponential(Duration min, Duration max) {
        return new Backoff(min, max, 0.2, max.isZero() ? Duration.ofSeconds(1) : max);
    }

    /** {@return true if this backoff never delays a restart} */
    public boolean isNone() {
        return max.isZero();
    }

    /**
     * The delay before the {@code attempt}-th consecutive restart, without jitter: {@code min * 2^(attempt-1)},
     * capped at {@code max}.
     *
     * @param attempt the consecutive restart number, 1 for the first
     * @return the base delay
     * @throws IllegalArgumentException if {@code attempt} is less than 1
     */
    public Duration baseDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, got " + attempt);
        }
        if (isNone()) {
            return Duration.ZERO;
        }
        Duration delay = min;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.isZero() ? Duration.ofMillis(1) : delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * The delay before the {@code attempt}-th consecutive restart, with jitter drawn from {@code random}.
     *
     * @param attempt the consecutive restart number, 1 for the first
     * @param random  a number in [0, 1), for example from {@code ThreadLocalRandom}
     * @return the delay, at most {@code max * (1 + jitter)}
     */
    public Duration delay(int attempt, double random) {
        Duration base = baseDelay(attempt);
        return base.plusNanos((long) (base.toNanos() * jitter * random));
    }
}
