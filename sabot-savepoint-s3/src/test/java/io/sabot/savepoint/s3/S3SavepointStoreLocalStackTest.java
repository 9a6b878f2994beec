package io.sabot.savepoint.s3;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.tck.savepoint.SavepointStoreCompatibilityKit;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store passes the store compatibility kit against LocalStack in a container. Where no Docker engine exists
 * the whole class is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class S3SavepointStoreLocalStackTest extends SavepointStoreCompatibilityKit {

    private static final String BUCKET = "sabot-tck";

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3");

    private final AtomicInteger stores = new AtomicInteger();

    @BeforeAll
    static void createBucket() {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .forcePathStyle(true)
                .credentialsProvider(credentials())
                .httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder())
                .build()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    }

    @Override
    protected SavepointStore createStore() throws Exception {
        return S3SavepointStore.builder(URI.create("s3://" + BUCKET + "/store-" + System.nanoTime() + "-"
                        + stores.incrementAndGet()))
                .endpoint(LOCALSTACK.getEndpoint())
                .region(LOCALSTACK.getRegion())
                .credentials(credentials())
                .partSize(S3SavepointStoreBuilder.MIN_PART_SIZE)
                .multipartCopyThreshold(8L << 20)
                .copyPartSize(S3SavepointStoreBuilder.MIN_PART_SIZE)
                .build();
    }

    @Override
    protected Optional<CopyMethod> expectedCopyMethod() {
        return Optional.of(CopyMethod.SERVER_SIDE);
    }

    @Override
    protected Optional<CopyMethod> expectedCopyFromMethod() {
        return Optional.of(CopyMethod.SERVER_SIDE);
    }
}
