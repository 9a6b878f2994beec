package io.sabot.runtime.savepoint;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules for store options, the settings handed to a
 * {@link io.sabot.api.savepoint.SavepointStoreProvider#open(java.net.URI, Map) store provider} (an endpoint, a
 * region, a profile, static keys): what a key looks like, which keys hold secrets, and a copy that never shows them.
 *
 * <p>A key is {@code PREFIX.NAME} in lower case, for example {@code s3.endpoint} or {@code fs.fsync}; each store reads
 * the keys of its own prefix and refuses the unknown ones. A key holds a secret when its name contains
 * {@code secret}, {@code token} or {@code password} ({@code s3.secret-access-key}, {@code s3.session-token}); such
 * values are never printed.
 */
public final class StoreOptionKeys {

    /** What a masked secret is shown as. */
    public static final String MASK = "********";

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(\\.[a-z0-9][a-z0-9-]*)+");
    private static final Set<String> SECRET_WORDS = Set.of("secret", "token", "password");

    private StoreOptionKeys() {
    }

    /**
     * Checks a key's form.
     *
     * @param key the key
     * @return the key
     * @throws IllegalArgumentException if it is not {@code PREFIX.NAME} in lower case
     */
    public static String requireValid(String key) {
        Objects.requireNonNull(key, "store option key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("store option '" + key + "' is not PREFIX.NAME in lower case, such as "
                    + "s3.endpoint or fs.fsync");
        }
        return key;
    }

    /**
     * Tells whether a key's value is a secret that must never be printed.
     *
     * @param key the key
     * @return true for keys such as {@code s3.secret-access-key} and {@code s3.session-token}
     */
    public static boolean isSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }

    /**
     * Copies options after checking their keys. The copy is unmodifiable, sorted by key, and its
     * {@link Object#toString()} shows secret values as {@value #MASK}, so that logging it, or a record holding it,
     * shows no secret.
     *
     * @param options the options
     * @return the copy
     * @throws IllegalArgumentException if a key is malformed
     * @throws NullPointerException     if a key or value is null
     */
    public static Map<String, String> copyOf(Map<String, String> options) {
        Objects.requireNonNull(options, "store options");
        if (options instanceof MaskedOptions) {
            return options;
        }
        TreeMap<String, String> copy = new TreeMap<>();
        options.forEach((key, value) -> copy.put(requireValid(key), Objects.requireNonNull(value,
                () -> "value of store option " + key)));
        return new MaskedOptions(Collections.unmodifiableMap(copy));
    }

    /** An unmodifiable map whose text form masks secrets. */
    private static final class MaskedOptions extends AbstractMap<String, String> {
        private final Map<String, String> options;

        MaskedOptions(Map<String, String> options) {
            this.options = options;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return options.entrySet();
        }

        @Override
        public String get(Object key) {
            return options.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return options.containsKey(key);
        }

        @Override
        public String toString() {
            StringJoiner text = new StringJoiner(", ", "{", "}");
            options.forEach((key, value) -> text.add(key + "=" + (isSecret(key) ? MASK : value)));
            return text.toString();
        }
    }
}
