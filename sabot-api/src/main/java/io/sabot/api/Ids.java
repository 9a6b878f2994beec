package io.sabot.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validation of the identifiers that Sabot uses as names on disk, in object keys, in metric labels and on the
 * command line: app ids, agent ids, channel and source names, child ids, group names.
 *
 * <p>A valid identifier is 1 to {@value #MAX_LENGTH} characters of ASCII letters, digits, {@code '.'}, {@code '_'}
 * and {@code '-'}, starts with a letter or a digit, and is neither {@code "."} nor {@code ".."}. So an identifier can
 * never escape a directory, name a hidden file, or need quoting in a URL, a shell or a metric label.
 *
 * <p>Thread-safety: stateless; safe to use from any thread.
 */
public final class Ids {

    /** The longest identifier accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Ids() {
    }

    /**
     * Checks that {@code value} is a valid identifier and returns it.
     *
     * @param kind  what the identifier names, used in the error message (for example {@code "agent id"})
     * @param value the identifier to check
     * @return {@code value}, unchanged
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank, too long or holds a character outside the allowed set
     */
    public static String requireValid(String kind, String value) {
        Objects.requireNonNull(value, () -> kind + " must not be null");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid " + kind + " '" + printable(value) + "': " + problem);
        }
        return value;
    }

    /**
     * Tells whether {@code value} is a valid identifier.
     *
     * @param value the identifier to check; null is not valid
     * @return true if {@link #requireValid(String, String)} would accept it
     */
    public static boolean isValid(String value) {
        return value != null && problem(value) == null;
    }

    private static String problem(String value) {
        if (value.isBlank()) {
            return "must not be blank";
        }
        if (value.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (value.contains("/") || value.contains("\\")) {
            return "must not contain a path separator";
        }
        if (!VALID.matcher(value).matches()) {
            return "use letters, digits, '.', '_' and '-' only, starting with a letter or digit";
        }
        return null;
    }

    /**
     * Renders a value for an error message: control characters are escaped and long values shortened, so that
     * a hostile input cannot forge log lines.
     *
     * @param value any string
     * @return a printable, bounded rendering of {@code value}
     */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(value.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > limit) {
            out.append("...");
        }
        return out.toString();
    }
}
