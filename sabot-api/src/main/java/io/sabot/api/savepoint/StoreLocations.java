package io.sabot.api.savepoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns what users write for a store location ({@code --savepoint-dir}) into a URI: a plain path becomes a
 * {@code file:} URI of its absolute form; anything with a scheme of two or more letters ({@code s3://bucket/prefix},
 * {@code file:///x}) is parsed as a URI. A URI with user info (credentials) is refused, so secrets never end up in
 * logs or metadata.
 *
 * <p>Thread-safety: stateless.
 */
public final class StoreLocations {

    private static final String S3_FORM = ": write s3://bucket or s3://bucket/prefix";

    private StoreLocations() {
    }

    private static String redacted(String location) {
        return location.replaceAll("(?<=//)[^/]*@", "***@");
    }

    /**
     * Parses a location.
     *
     * @param text a path or URI
     * @return the location as a URI
     * @throws IllegalArgumentException if it is blank, malformed, or holds credentials
     */
    public static URI parse(String text) {
        Objects.requireNonNull(text, "location must not be null");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("store location must not be blank");
        }
        if (trimmed.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            String scheme = trimmed.substring(0, trimmed.indexOf(':')).toLowerCase(Locale.ROOT);
            URI uri;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid store location '"
                        + io.sabot.api.Ids.printable(redacted(trimmed)) + "': " + e.getReason()
                        + (scheme.equals("s3") ? S3_FORM : ""));
            }
            // A registry-based authority (a host name that is not a DNS name, such as "a_b") has no user info of its
            // own, so look for '@' in the raw authority as well.
            String authority = uri.getRawAuthority();
            if (uri.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)) {
                throw new IllegalArgumentException("store location must not contain credentials; "
                        + "use the provider's credential settings instead");
            }
            if (scheme.equals("s3") && authority != null && authority.indexOf(':') >= 0) {
                // No bucket name holds ':'; this is most likely "key:secret" with a '/' in the secret.
                throw new IllegalArgumentException("invalid S3 location: a bucket name cannot contain ':'; "
                        + "to give credentials, use the provider's credential settings instead");
            }
            if (scheme.equals("s3") && (authority == null || authority.isEmpty())) {
                throw new IllegalArgumentException("invalid S3 location '" + io.sabot.api.Ids.printable(trimmed)
                        + "'" + S3_FORM);
            }
            return uri;
        }
        try {
            return Path.of(trimmed).toAbsolutePath().normalize().toUri();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid store path '" + io.sabot.api.Ids.printable(trimmed)
                    + "': " + e.getReason());
        }
    }

    /**
     * The scheme of a location, lower case.
     *
     * @param location a parsed location
     * @return its scheme, for example {@code file} or {@code s3}
     */
    public static String scheme(URI location) {
        return location.getScheme() == null ? "file" : location.getScheme().toLowerCase(Locale.ROOT);
    }
}
