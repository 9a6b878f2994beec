package io.sabot.savepoint.s3;

import io.sabot.api.savepoint.StoreKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed {@code s3://bucket/prefix} location. Immutable.
 *
 * @param bucket the bucket
 * @param prefix the key prefix: empty, or a valid key followed by {@code /}
 * @param uri    the location in canonical form, {@code s3://bucket} or {@code s3://bucket/prefix}
 */
record S3Location(String bucket, String prefix, URI uri) {

    /**
     * Parses a location.
     *
     * @param location {@code s3://bucket} or {@code s3://bucket/prefix} (a trailing {@code /} is ignored)
     * @return the parsed location
     * @throws IllegalArgumentException if it is not such a URI; the message shows the expected form
     */
    static S3Location parse(URI location) {
        Objects.requireNonNull(location, "location");
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        String bucket = location.getRawAuthority();
        if (!scheme.equals("s3") || bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("invalid S3 location '" + location
                    + "': write s3://bucket or s3://bucket/prefix");
        }
        if (location.getRawUserInfo() != null || bucket.contains("@")) {
            throw new IllegalArgumentException("an S3 location must not contain credentials; use the S3 store's "
                    + "credential settings instead");
        }
        if (location.getRawQuery() != null || location.getRawFragment() != null) {
            throw new IllegalArgumentException("invalid S3 location '" + location
                    + "': no '?' or '#' part is allowed; write s3://bucket or s3://bucket/prefix");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.\\-_]{2,62}")) {
            throw new IllegalArgumentException("invalid S3 bucket name '" + bucket + "' in '" + location
                    + "': use 3 to 63 lower-case letters, digits, '.' and '-'; write s3://bucket/prefix");
        }
        String path = location.getPath() == null ? "" : location.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String prefix = "";
        if (!path.isEmpty()) {
            try {
                StoreKeys.requireValid(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid prefix in S3 location '" + location + "': "
                        + e.getMessage(), e);
            }
            prefix = path + "/";
        }
        try {
            URI canonical = new URI("s3", bucket, path.isEmpty() ? null : "/" + path, null, null);
            return new S3Location(bucket, prefix, canonical);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid S3 location '" + location + "': " + e.getReason(), e);
        }
    }
}
