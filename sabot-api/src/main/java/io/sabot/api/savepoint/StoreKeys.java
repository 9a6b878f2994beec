package io.sabot.api.savepoint;

import java.util.Objects;

/**
 * Rules for object keys, the same for every store so a snapshot can move between them.
 *
 * <p>A key is a relative path of segments separated by {@code /}: not empty, no leading or trailing {@code /}, no
 * empty, {@code .} or {@code ..} segment, no backslash, no control character, at most {@value #MAX_LENGTH} UTF-16
 * characters. Anything else is allowed, including spaces, {@code +}, {@code %}, {@code =} and non-ASCII letters:
 * stores must handle them.
 *
 * <p>Thread-safety: stateless.
 */
public final class StoreKeys {

    /** The longest key accepted, in characters. */
    public static final int MAX_LENGTH = 512;

    private StoreKeys() {
    }

    /**
     * Checks a key.
     *
     * @param key the key
     * @return {@code key}, unchanged
     * @throws IllegalArgumentException if it breaks a rule above; the message names the rule
     */
    public static String requireValid(String key) {
        Objects.requireNonNull(key, "key must not be null");
        String problem = problem(key);
        if (problem != null) {
            throw new IllegalArgumentException("invalid key '" + io.sabot.api.Ids.printable(key) + "': " + problem);
        }
        return key;
    }

    /**
     * Checks a listing prefix: empty, or a valid key optionally followed by {@code /}.
     *
     * @param prefix the prefix
     * @return {@code prefix}, unchanged
     * @throws IllegalArgumentException if it is neither
     */
    public static String requireValidPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix must not be null");
        if (prefix.isEmpty()) {
            return prefix;
        }
        requireValid(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        return prefix;
    }

    /**
     * Joins segments with {@code /} and checks the result.
     *
     * @param first the first segment
     * @param more  further segments
     * @return the joined key
     */
    public static String join(String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String s : more) {
            sb.append('/').append(s);
        }
        return requireValid(sb.toString());
    }

    private static String problem(String key) {
        if (key.isEmpty()) {
            return "must not be empty";
        }
        if (key.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (key.indexOf('\\') >= 0) {
            return "must not contain a backslash";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "must not contain control characters";
            }
        }
        if (key.startsWith("/")) {
            return "must be relative (no leading '/')";
        }
        if (key.endsWith("/")) {
            return "must not end with '/'";
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                return "must not contain an empty segment ('//')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "must not contain '.' or '..' segments";
            }
        }
        return null;
    }
}
