package io.sabot.savepoint.s3;

import io.sabot.api.savepoint.StoreException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds an {@link S3SavepointStore}: where the store is and how to reach it.
 *
 * <p>Defaults:
 * <ul>
 *   <li>endpoint: AWS S3, unless {@link #endpoint(URI)} is set or the environment has {@code SABOT_S3_ENDPOINT},
 *       {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} (first found wins)</li>
 *   <li>path-style access: on when an endpoint is set (S3-compatible servers rarely have per-bucket host names),
 *       off for AWS S3; {@link #pathStyle(Boolean)} overrides</li>
 *   <li>region: {@link #region(String)}, else the SDK's default chain ({@code AWS_REGION}, the profile, instance
 *       metadata), else {@code us-east-1} (with cross-region access for AWS S3, so a bucket elsewhere still
 *       works)</li>
 *   <li>credentials: the SDK's default provider chain (environment, system properties, profile, web identity,
 *       container and instance roles), unless {@link #credentials(AwsCredentialsProvider)} is set</li>
 *   <li>part size 8 MiB (5 MiB to 1 GiB); multipart copy above 5 GiB in parts of 512 MiB (both grown when an
 *       object would need more than S3's 10,000 parts)</li>
 *   <li>retries: the SDK's standard strategy (3 attempts with back-off); connection timeout 5 s; no overall call
 *       timeout</li>
 *   <li>{@link #checkAccess(boolean)} true: {@link #build()} asks for the bucket ({@code HeadBucket}) and fails
 *       early with a clear message</li>
 * </ul>
 *
 * <p>Not thread-safe; the store it builds is.
 */
public final class S3SavepointStoreBuilder {

    /** The default part size of multipart uploads: 8 MiB. */
    public static final long DEFAULT_PART_SIZE = 8L << 20;
    /** The smallest part size S3 accepts (except for the last part): 5 MiB. */
    public static final long MIN_PART_SIZE = 5L << 20;
    /** The largest part S3 accepts: 5 GiB (the largest copy part). */
    public static final long MAX_PART_SIZE = 5L << 30;
    /** The largest upload part size: 1 GiB, since a put holds one part in memory. */
    public static final long MAX_UPLOAD_PART_SIZE = 1L << 30;
    /** The default size above which copies use {@code UploadPartCopy}: 5 GiB, the limit of one {@code CopyObject}. */
    public static final long DEFAULT_MULTIPART_COPY_THRESHOLD = 5L << 30;
    /** The default part size of multipart copies: 512 MiB. */
    public static final long DEFAULT_COPY_PART_SIZE = 512L << 20;

    private final S3Location location;
    private Map<String, String> environment = System.getenv();
    private S3Client client;
    private URI endpoint;
    private String region;
    private Boolean pathStyle;
    private AwsCredentialsProvider credentials;
    private long partSize = DEFAULT_PART_SIZE;
    private long multipartCopyThreshold = DEFAULT_MULTIPART_COPY_THRESHOLD;
    private long copyPartSize = DEFAULT_COPY_PART_SIZE;
    private int maxAttempts;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration apiCallTimeout;
    private boolean checkAccess = true;

    S3SavepointStoreBuilder(URI location) {
        this.location = S3Location.parse(location);
    }

    /**
     * Uses a ready S3 client instead of building one; the store will not close it. Endpoint, region, path-style,
     * credential, retry and timeout settings are then ignored, except that {@link #endpoint(URI)} still names the
     * endpoint in messages and decides which stores can copy server-side to each other.
     *
     * @param s3 the client
     * @return this builder
     */
    public S3SavepointStoreBuilder client(S3Client s3) {
        this.client = Objects.requireNonNull(s3, "client");
        return this;
    }

    /**
     * The endpoint of an S3-compatible server, for example {@code http://127.0.0.1:9000}.
     *
     * @param uri an {@code http} or {@code https} URI without credentials; null for the default (see above)
     * @return this builder
     */
    public S3SavepointStoreBuilder endpoint(URI uri) {
        this.endpoint = uri == null ? null : checkEndpoint(uri);
        return this;
    }

    /**
     * The AWS region.
     *
     * @param name a region name such as {@code eu-west-1}; null for the default chain
     * @return this builder
     */
    public S3SavepointStoreBuilder region(String name) {
        this.region = name == null || name.isBlank() ? null : name.trim();
        return this;
    }

    /**
     * Whether to address buckets by path ({@code http://host/bucket/key}) instead of by host name.
     *
     * @param enabled true or false; null for the default (on when an endpoint is set)
     * @return this builder
     */
    public S3SavepointStoreBuilder pathStyle(Boolean enabled) {
        this.pathStyle = enabled;
        return this;
    }

    /**
     * Where credentials come from, for example a {@code StaticCredentialsProvider} or a
     * {@code ProfileCredentialsProvider}.
     *
     * @param provider the provider; null for the SDK's default chain
     * @return this builder
     */
    public S3SavepointStoreBuilder credentials(AwsCredentialsProvider provider) {
        this.credentials = provider;
        return this;
    }

    /**
     * The part size of multipart uploads; objects up to this size are sent in one request. Memory use of a put is
     * about one part. An object too large for 10,000 parts of this size (S3's limit) is sent in larger parts.
     *
     * @param bytes 5 MiB to 1 GiB; default 8 MiB
     * @return this builder
     */
    public S3SavepointStoreBuilder partSize(long bytes) {
        this.partSize = requireRange("part size", bytes, MIN_PART_SIZE, MAX_UPLOAD_PART_SIZE);
        return this;
    }

    /**
     * The size above which copies are made of {@code UploadPartCopy} parts instead of one {@code CopyObject}.
     *
     * @param bytes 0 to 5 GiB; default 5 GiB
     * @return this builder
     */
    public S3SavepointStoreBuilder multipartCopyThreshold(long bytes) {
        this.multipartCopyThreshold = requireRange("multipart copy threshold", bytes, 0, MAX_PART_SIZE);
        return this;
    }

    /**
     * The part size of multipart copies.
     *
     * @param bytes 5 MiB to 5 GiB; default 512 MiB
     * @return this builder
     */
    public S3SavepointStoreBuilder copyPartSize(long bytes) {
        this.copyPartSize = requireRange("copy part size", bytes, MIN_PART_SIZE, MAX_PART_SIZE);
        return this;
    }

    /**
     * How many times a request is tried in all, retries included.
     *
     * @param attempts 1 or more (1: no retries); 0 for the SDK's default (3)
     * @return this builder
     */
    public S3SavepointStoreBuilder maxAttempts(int attempts) {
        this.maxAttempts = (int) requireRange("max attempts", attempts, 0, 100);
        return this;
    }

    /**
     * How long to wait for a TCP connection to the endpoint.
     *
     * @param timeout a positive duration; default 5 s
     * @return this builder
     */
    public S3SavepointStoreBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = requirePositive("connect timeout", timeout);
        return this;
    }

    /**
     * The longest a single store call to S3 may take, retries included.
     *
     * @param timeout a positive duration; null (the default) for no limit
     * @return this builder
     */
    public S3SavepointStoreBuilder apiCallTimeout(Duration timeout) {
        this.apiCallTimeout = timeout == null ? null : requirePositive("API call timeout", timeout);
        return this;
    }

    /**
     * Whether {@link #build()} checks that the bucket exists and the credentials may use it.
     *
     * @param check default true
     * @return this builder
     */
    public S3SavepointStoreBuilder checkAccess(boolean check) {
        this.checkAccess = check;
        return this;
    }

    /**
     * The environment in which to look up {@code SABOT_S3_ENDPOINT}, {@code AWS_ENDPOINT_URL_S3} and
     * {@code AWS_ENDPOINT_URL}.
     *
     * @param env default {@link System#getenv()}
     * @return this builder
     */
    public S3SavepointStoreBuilder environment(Map<String, String> env) {
        this.environment = Map.copyOf(Objects.requireNonNull(env, "environment"));
        return this;
    }

    /**
     * Opens the store.
     *
     * @return the store
     * @throws StoreException if {@link #checkAccess(boolean)} is on and the bucket is missing, access is denied or
     *                        the endpoint cannot be reached; the message says which
     */
    public S3SavepointStore build() throws StoreException {
        URI effectiveEndpoint = endpoint != null ? endpoint : endpointFromEnvironment();
        String description = effectiveEndpoint != null ? effectiveEndpoint.toString() : "AWS S3";
        S3Client s3 = client;
        boolean owns = false;
        if (s3 == null) {
            s3 = buildClient(effectiveEndpoint);
            owns = true;
        }
        S3SavepointStore store = new S3SavepointStore(s3, owns, location, effectiveEndpoint, description, partSize,
                multipartCopyThreshold, copyPartSize);
        if (checkAccess) {
            try {
                store.checkAccess();
            } catch (StoreException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    private S3Client buildClient(URI effectiveEndpoint) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(connectTimeout))
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build());
        Region resolved = resolveRegion();
        if (resolved == null) {
            b.region(Region.US_EAST_1);
            if (effectiveEndpoint == null) {
                b.crossRegionAccessEnabled(true);
            }
        } else {
            b.region(resolved);
        }
        if (effectiveEndpoint != null) {
            b.endpointOverride(effectiveEndpoint);
        }
        b.forcePathStyle(pathStyle != null ? pathStyle : effectiveEndpoint != null);
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        if (maxAttempts > 0) {
            int attempts = maxAttempts;
            override.retryStrategy(r -> r.maxAttempts(attempts));
        }
        if (apiCallTimeout != null) {
            override.apiCallTimeout(apiCallTimeout);
        }
        b.overrideConfiguration(override.build());
        return b.build();
    }

    private Region resolveRegion() {
        if (region != null) {
            return Region.of(region);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return null;
        }
    }

    private URI endpointFromEnvironment() {
        for (String name : new String[] {"SABOT_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                try {
                    return checkEndpoint(URI.create(value.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("invalid " + name + ": " + e.getMessage(), e);
                }
            }
        }
        return null;
    }

    private static URI checkEndpoint(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("an S3 endpoint must not contain credentials");
        }
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid S3 endpoint '" + uri + "': write http://host:port or "
                    + "https://host");
        }
        return uri;
    }

    private static long requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static Duration requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
