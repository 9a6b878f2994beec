package io.sabot.api;

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
 * {@code 60s}, {@code 5m}, {@code 2h}, {@code 1d}) and ISO-8601 ({@code PT1M}). Negative durations are rejected.
 *
 * <p>Thread-safety: stateless; safe to use from any thread.
 */
public final class Durations {

    private static final Pattern WITH_UNIT =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text the duration as written by a user
     * @return the duration, never negative
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
                if (iso.isNegative()) {
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
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        double nanosPerUnit;
        switch (unit) {
            case "ms":
                nanosPerUnit = 1e6;
                break;
            case "s":
                nanosPerUnit = 1e9;
                break;
            case "m":
                nanosPerUnit = 60e9;
                break;
            case "h":
                nanosPerUnit = 3600e9;
                break;
            default:
                nanosPerUnit = 86400e9;
                break;
        }
        double nanos = amount * nanosPerUnit;
        if (nanos > Long.MAX_VALUE) {
            throw invalid(text);
        }
        return Duration.ofNanos(Math.round(nanos));
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
        long nanos = duration.toNanos();
        if (nanos % 86_400_000_000_000L == 0 && nanos > 0) {
            return nanos / 86_400_000_000_000L + "d";
        }
        if (nanos % 3_600_000_000_000L == 0 && nanos > 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0 && nanos > 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return duration.toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration '" + Ids.printable(text)
                + "': write seconds (60), a number with a unit (250ms, 60s, 5m, 2h, 1d) or ISO-8601 (PT1M)");
    }
}
