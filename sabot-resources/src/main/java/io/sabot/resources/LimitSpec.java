package io.sabot.resources;

import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text form of a {@link ResourceLimit}, for worker configuration files and command-line options:
 * {@code <kind>=<threshold>[:<action>]}, for example {@code agent_cpu=20%:throttle},
 * {@code agent_state_bytes=64MiB:restart} or {@code worker_memory_bytes=3GiB}.
 *
 * <ul>
 *   <li>{@code kind}: a {@link LimitKind} in any case ({@code agent_cpu}, {@code AGENT_CPU}).</li>
 *   <li>{@code threshold}: a number in the kind's unit; a ratio may be written as a percentage ({@code 20%} is
 *       {@code 0.2}); a byte count may carry a binary ({@code KiB}, {@code MiB}, {@code GiB}, {@code TiB}) or
 *       decimal ({@code KB}, {@code MB}, {@code GB}, {@code TB}) suffix.</li>
 *   <li>{@code action}: a {@link LimitAction} in any case; {@code warn} when omitted.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class LimitSpec {

    private static final Pattern SPEC = Pattern.compile("\\s*([A-Za-z_]+)\\s*=\\s*([0-9.eE+-]+)\\s*([A-Za-z%]*)\\s*"
            + "(?::\\s*([A-Za-z_]+)\\s*)?");

    private LimitSpec() {
    }

    /**
     * Parses one limit.
     *
     * @param spec the text, for example {@code agent_cpu=20%:throttle}
     * @return the limit
     * @throws IllegalArgumentException with a message saying what is wrong and what is expected
     */
    public static ResourceLimit parse(String spec) {
        Objects.requireNonNull(spec, "limit spec must not be null");
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid limit '" + spec + "': expected <kind>=<threshold>[:<action>], "
                    + "for example agent_cpu=20%:throttle or agent_state_bytes=64MiB:restart");
        }
        LimitKind kind = kind(m.group(1), spec);
        double threshold = threshold(kind, m.group(2), m.group(3), spec);
        LimitAction action = m.group(4) == null ? LimitAction.WARN : action(m.group(4), spec);
        try {
            return ResourceLimit.of(kind, threshold, action);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid limit '" + spec + "': " + e.getMessage(), e);
        }
    }

    /**
     * Writes a limit in the text form {@link #parse(String)} reads.
     *
     * @param limit the limit
     * @return for example {@code agent_cpu=0.2:throttle}
     */
    public static String format(ResourceLimit limit) {
        double t = limit.threshold();
        String number = t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : Double.toString(t);
        return limit.kind().name().toLowerCase(Locale.ROOT) + "=" + number + ":"
                + limit.action().name().toLowerCase(Locale.ROOT);
    }

    private static LimitKind kind(String text, String spec) {
        try {
            return LimitKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid limit '" + spec + "': unknown kind '" + text + "'; use one of "
                    + names(LimitKind.values()), e);
        }
    }

    private static LimitAction action(String text, String spec) {
        try {
            return LimitAction.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid limit '" + spec + "': unknown action '" + text
                    + "'; use one of " + names(LimitAction.values()), e);
        }
    }

    private static double threshold(LimitKind kind, String number, String suffix, String spec) {
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid limit '" + spec + "': '" + number + "' is not a number", e);
        }
        if (suffix.isEmpty()) {
            return value;
        }
        if (suffix.equals("%")) {
            if (!kind.isRatio()) {
                throw new IllegalArgumentException("invalid limit '" + spec + "': a percentage is only for ratios "
                        + "(agent_cpu, worker_cpu); " + kind.name().toLowerCase(Locale.ROOT) + " is in "
                        + kind.unit());
            }
            return value / 100.0;
        }
        if (!kind.unit().equals("bytes")) {
            throw new IllegalArgumentException("invalid limit '" + spec + "': the suffix '" + suffix
                    + "' is only for byte limits; " + kind.name().toLowerCase(Locale.ROOT) + " is in " + kind.unit());
        }
        return value * bytesPerUnit(suffix, spec);
    }

    private static double bytesPerUnit(String suffix, String spec) {
        switch (suffix.toUpperCase(Locale.ROOT)) {
            case "B":
                return 1;
            case "KIB":
                return 1L << 10;
            case "MIB":
                return 1L << 20;
            case "GIB":
                return 1L << 30;
            case "TIB":
                return 1L << 40;
            case "KB":
                return 1e3;
            case "MB":
                return 1e6;
            case "GB":
                return 1e9;
            case "TB":
                return 1e12;
            default:
                throw new IllegalArgumentException("invalid limit '" + spec + "': unknown unit '" + suffix
                        + "'; use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB");
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
