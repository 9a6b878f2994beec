package io.sabot.cli;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An embedded S3Proxy on 127.0.0.1 (an ephemeral port) that signs requests with fixed credentials and holds one
 * bucket, {@value #BUCKET}, for the end-to-end tests; its objects live in memory.
 */
final class S3ProxyFixture implements AutoCloseable {

    static final String BUCKET = "sabot-e2e";
    static final String ACCESS_KEY = "e2e-access-key";
    static final String SECRET_KEY = "e2e-secret-key-that-must-never-be-printed";

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyFixture(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** {@return a started proxy with the bucket created} @throws Exception if it cannot start */
    static S3ProxyFixture start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        S3ProxyFixture fixture = new S3ProxyFixture(proxy);
        try (S3Client s3 = fixture.client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        return fixture;
    }

    /** {@return the proxy's address, for example http://127.0.0.1:40123} */
    URI endpoint() {
        return endpoint;
    }

    /** {@return a plain SDK client of the test's own, to look at what the processes left in the bucket} */
    S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder()).build();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
