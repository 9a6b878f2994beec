package io.sabot.savepoint.s3;

import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SavepointStoreProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Opens {@link S3SavepointStore}s for {@code s3://bucket/prefix} locations.
 *
 * <p>Options (keys starting with {@code s3.}; other keys are left to other providers and ignored; sizes in bytes,
 * times in milliseconds):
 * <ul>
 *   <li>{@value #ENDPOINT}: an S3-compatible endpoint ({@code http://127.0.0.1:9000}); else
 *       {@code SABOT_S3_ENDPOINT}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}, else AWS S3</li>
 *   <li>{@value #REGION}: the region; default the SDK's chain ({@code AWS_REGION}, profile, instance metadata)</li>
 *   <li>{@value #PATH_STYLE}: {@code true}/{@code false}; default {@code true} when an endpoint is set</li>
 *   <li>{@value #PROFILE}: a profile of {@code ~/.aws/credentials} and {@code ~/.aws/config}</li>
 *   <li>{@value #ACCESS_KEY_ID}, {@value #SECRET_ACCESS_KEY} and optionally {@value #SESSION_TOKEN}: static
 *       credentials (both or neither; not together with a profile); default the SDK's provider chain</li>
 *   <li>{@value #PART_SIZE}: multipart part size, default 8 MiB; {@value #MULTIPART_COPY_THRESHOLD}, default 5 GiB;
 *       {@value #COPY_PART_SIZE}, default 512 MiB</li>
 *   <li>{@value #MAX_ATTEMPTS}: attempts per request, retries included, default 3;
 *       {@value #CONNECT_TIMEOUT_MS}, default 5000; {@value #API_CALL_TIMEOUT_MS}, default none</li>
 *   <li>{@value #CHECK_ACCESS}: check the bucket when opening, default {@code true}</li>
 * </ul>
 * An unknown {@code s3.} key or a malformed value is refused with a message naming the key (never a secret's value).
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class S3SavepointStoreProvider implements SavepointStoreProvider {

    /** The URI scheme served. */
    public static final String SCHEME = "s3";
    /** Option: the endpoint of an S3-compatible server. */
    public static final String ENDPOINT = "s3.endpoint";
    /** Option: the AWS region. */
    public static final String REGION = "s3.region";
    /** Option: path-style bucket addressing. */
    public static final String PATH_STYLE = "s3.path-style";
    /** Option: a credentials profile name. */
    public static final String PROFILE = "s3.profile";
    /** Option: a static access key id. */
    public static final String ACCESS_KEY_ID = "s3.access-key-id";
    /** Option: a static secret access key. */
    public static final String SECRET_ACCESS_KEY = "s3.secret-access-key";
    /** Option: a session token to go with static keys. */
    public static final String SESSION_TOKEN = "s3.session-token";
    /** Option: the multipart upload part size, in bytes. */
    public static final String PART_SIZE = "s3.part-size";
    /** Option: the size above which copies use {@code UploadPartCopy}, in bytes. */
    public static final String MULTIPART_COPY_THRESHOLD = "s3.multipart-copy-threshold";
    /** Option: the part size of multipart copies, in bytes. */
    public static final String COPY_PART_SIZE = "s3.copy-part-size";
    /** Option: attempts per request, retries included. */
    public static final String MAX_ATTEMPTS = "s3.max-attempts";
    /** Option: the connection timeout, in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "s3.connect-timeout-ms";
    /** Option: the overall timeout of one store call, in milliseconds. */
    public static final String API_CALL_TIMEOUT_MS = "s3.api-call-timeout-ms";
    /** Option: check the bucket when opening. */
    public static final String CHECK_ACCESS = "s3.check-access";

    private static final Set<String> OPTIONS = Set.of(ENDPOINT, REGION, PATH_STYLE, PROFILE, ACCESS_KEY_ID,
            SECRET_ACCESS_KEY, SESSION_TOKEN, PART_SIZE, MULTIPART_COPY_THRESHOLD, COPY_PART_SIZE, MAX_ATTEMPTS,
            CONNECT_TIMEOUT_MS, API_CALL_TIMEOUT_MS, CHECK_ACCESS);

    private final Map<String, String> environment;

    /** Creates the provider, reading endpoints from the process environment. */
    public S3SavepointStoreProvider() {
        this(System.getenv());
    }

    /**
     * Creates the provider.
     *
     * @param environment where to look up {@code SABOT_S3_ENDPOINT}, {@code AWS_ENDPOINT_URL_S3} and
     *                    {@code AWS_ENDPOINT_URL}
     */
    public S3SavepointStoreProvider(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public SavepointStore open(URI location, Map<String, String> options) throws IOException {
        Objects.requireNonNull(options, "options");
        for (String key : options.keySet()) {
            if (key.startsWith("s3.") && !OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown S3 store option '" + key + "'; known options: "
                        + new TreeSet<>(OPTIONS));
            }
        }
        S3SavepointStoreBuilder b = S3SavepointStore.builder(location).environment(environment);
        String endpoint = options.get(ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                b.endpoint(URI.create(endpoint.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid option " + ENDPOINT + ": " + e.getMessage(), e);
            }
        }
        b.region(options.get(REGION));
        if (options.containsKey(PATH_STYLE)) {
            b.pathStyle(flag(options, PATH_STYLE, false));
        }
        configureCredentials(b, options);
        if (options.containsKey(PART_SIZE)) {
            b.partSize(number(options, PART_SIZE));
        }
        if (options.containsKey(MULTIPART_COPY_THRESHOLD)) {
            b.multipartCopyThreshold(number(options, MULTIPART_COPY_THRESHOLD));
        }
        if (options.containsKey(COPY_PART_SIZE)) {
            b.copyPartSize(number(options, COPY_PART_SIZE));
        }
        if (options.containsKey(MAX_ATTEMPTS)) {
            b.maxAttempts((int) Math.min(Integer.MAX_VALUE, number(options, MAX_ATTEMPTS)));
        }
        if (options.containsKey(CONNECT_TIMEOUT_MS)) {
            b.connectTimeout(Duration.ofMillis(number(options, CONNECT_TIMEOUT_MS)));
        }
        if (options.containsKey(API_CALL_TIMEOUT_MS)) {
            b.apiCallTimeout(Duration.ofMillis(number(options, API_CALL_TIMEOUT_MS)));
        }
        b.checkAccess(flag(options, CHECK_ACCESS, true));
        return b.build();
    }

    private static void configureCredentials(S3SavepointStoreBuilder b, Map<String, String> options) {
        String profile = options.get(PROFILE);
        String keyId = options.get(ACCESS_KEY_ID);
        String secret = options.get(SECRET_ACCESS_KEY);
        String token = options.get(SESSION_TOKEN);
        if ((keyId == null) != (secret == null)) {
            throw new IllegalArgumentException("set both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY
                    + ", or neither to use the AWS default credential chain");
        }
        if (token != null && keyId == null) {
            throw new IllegalArgumentException(SESSION_TOKEN + " needs " + ACCESS_KEY_ID + " and "
                    + SECRET_ACCESS_KEY);
        }
        if (profile != null && keyId != null) {
            throw new IllegalArgumentException("set either " + PROFILE + " or static keys (" + ACCESS_KEY_ID
                    + "), not both");
        }
        if (profile != null) {
            b.credentials(ProfileCredentialsProvider.builder().profileName(profile).build());
        } else if (keyId != null) {
            b.credentials(StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, token)));
        }
    }

    private static long number(Map<String, String> options, String key) {
        String value = options.get(key);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static boolean flag(Map<String, String> options, String key, boolean defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("option " + key + " must be true or false, got '" + value + "'");
        }
    }
}
