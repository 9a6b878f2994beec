package io.sabot.savepoint.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.tck.savepoint.SavepointStoreCompatibilityKit;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store passes the store compatibility kit against an embedded S3Proxy, through the real SDK client and
 * path-style addressing (one client shared by all the stores; {@code S3SavepointStoreTest} covers the clients the
 * store builds itself). Each store is a fresh prefix of one bucket; the part sizes are S3's minimum so that the
 * kit's 20 MiB objects take the multipart upload and the multipart copy paths.
 */
class S3SavepointStoreS3ProxyTest extends SavepointStoreCompatibilityKit {

    private static final String BUCKET = "sabot-tck";
    private static S3ProxyServer server;
    /** One SDK client for all the stores (building a client per test costs more than most tests). */
    private static S3Client client;

    private final AtomicInteger stores = new AtomicInteger();

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = new S3ProxyServer();
        server.createBucket(BUCKET);
        client = server.client();
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        client.close();
        server.close();
    }

    @Override
    protected SavepointStore createStore() throws Exception {
        String name = getClass().getSimpleName() + "-" + System.nanoTime() + "-" + stores.incrementAndGet();
        return S3SavepointStore.builder(URI.create("s3://" + BUCKET + "/" + name))
                .client(client)
                .endpoint(server.endpoint())
                .partSize(S3SavepointStoreBuilder.MIN_PART_SIZE)
                .multipartCopyThreshold(8L << 20)
                .copyPartSize(S3SavepointStoreBuilder.MIN_PART_SIZE)
                .build();
    }

    /** Two listing pages (S3 pages hold 1,000 keys) at a third of the time of the kit's default on two cores. */
    @Override
    protected int manyKeys() {
        return 1_100;
    }

    @Override
    protected Optional<CopyMethod> expectedCopyMethod() {
        return Optional.of(CopyMethod.SERVER_SIDE);
    }

    @Override
    protected Optional<CopyMethod> expectedCopyFromMethod() {
        return Optional.of(CopyMethod.SERVER_SIDE);
    }

    /** Every test leaves no multipart upload behind, failed ones included. */
    @AfterEach
    void noMultipartUploadIsLeftOpen() {
        assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
    }
}
