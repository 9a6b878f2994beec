package io.sabot.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations that users write on the command line and in configuration.
 *
 * <p>Accepted forms: a bare number of seconds ({@code 60}, {@code 0.5}), a number with a unit ({@code 250ms},
 * {@code 60s}, {@code 5m}, {@code 2h}, {@code 1d}) and ISO-8601 ({@code PT1M}, any case). Negative durations,
 * and durations longer than {@link Long#MAX_VALUE} nanoseconds (about 292 years), are rejected, so
 * {@link Duration#toNanos()} never overflows on a parsed value. Decimal amounts are exact to the nanosecond.
 *
 * <p>Thread-safety: stateless; safe to use from any thread.
 */
public final class Durations {

    private static final Pattern WITH_UNIT =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    /** The largest duration accepted: {@link Long#MAX_VALUE} nanoseconds, about 292 years. */
    private static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text the duration as written by a user
     * @return the duration, never negative and at most {@link Long#MAX_VALUE} nanoseconds
     * @throws NullPointerException     if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is not one of the accepted forms, with a message that says
     *                                  which forms are accepted
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "duration must not be null");
        String trimmed = text.trim();
        if (trimmed.regionMatches(true, 0, "P", 0, 1)) {
            try {
                Duration iso = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                if (iso.isNegative() || iso.compareTo(MAX) > 0) {
                    throw invalid(text);
                }
                return iso;
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher m = WITH_UNIT.matcher(trimmed);
        if (!m.matches()) {
            throw invalid(text);
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        long nanosPerUnit;
        switch (unit) {
            case "ms":
                nanosPerUnit = 1_000_000L;
                break;
            case "s":
                nanosPerUnit = 1_000_000_000L;
                break;
            case "m":
                nanosPerUnit = 60_000_000_000L;
                break;
            case "h":
                nanosPerUnit = 3_600_000_000_000L;
                break;
            default:
                nanosPerUnit = 86_400_000_000_000L;
                break;
        }
        // Exact decimal arithmetic: a double loses whole milliseconds beyond a few years' worth of nanoseconds.
        BigInteger nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit))
                .setScale(0, RoundingMode.HALF_UP)
                .toBigInteger();
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw invalid(text);
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    /**
     * Renders a duration the way {@link #parse(String)} reads it back, in the largest unit that keeps it exact
     * ({@code 5m}, {@code 90s}, {@code 250ms}).
     *
     * @param duration a non-negative duration
     * @return its short form
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration must not be null");
        // Seconds and nanos apart, so that durations beyond Long.MAX_VALUE nanoseconds never overflow.
        long seconds = duration.getSeconds();
        int nano = duration.getNano();
        if (nano == 0) {
            if (seconds % 86_400 == 0 && seconds > 0) {
                return seconds / 86_400 + "d";
            }
            if (seconds % 3_600 == 0 && seconds > 0) {
                return seconds / 3_600 + "h";
            }
            if (seconds % 60 == 0 && seconds > 0) {
                return seconds / 60 + "m";
            }
            return seconds + "s";
        }
        if (nano % 1_000_000 == 0 && seconds >= 0 && seconds <= MAX.getSeconds()) {
            return seconds * 1_000 + nano / 1_000_000 + "ms";
        }
        return duration.toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration '" + Ids.printable(text)
                + "': write seconds (60), a number with a unit (250ms, 60s, 5m, 2h, 1d) or ISO-8601 (PT1M)");
    }
}
