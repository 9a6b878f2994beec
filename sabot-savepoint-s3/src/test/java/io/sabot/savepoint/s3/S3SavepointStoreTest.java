package io.sabot.savepoint.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoredObject;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Behaviour particular to the S3 store, against an embedded S3Proxy: clear errors for an unreachable endpoint, wrong
 * credentials and a missing bucket; no secrets in messages; bucket-root stores; copies across endpoints.
 */
class S3SavepointStoreTest {

    private static final String BUCKET = "sabot-specific";
    private static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static S3SavepointStoreBuilder builder(String location) {
        return S3SavepointStore.builder(URI.create(location))
                .endpoint(server.endpoint())
                .region("us-east-1")
                .credentials(server.credentials())
                .environment(java.util.Map.of());
    }

    private static void assertOneClearLine(Throwable e, String... fragments) {
        assertThat(e).isInstanceOf(StoreException.class);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(S3ProxyServer.SECRET_KEY);
        for (String fragment : fragments) {
            assertThat(e.getMessage()).contains(fragment);
        }
    }

    @Test
    void anUnreachableEndpointIsOneClearError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
        S3SavepointStoreBuilder b = S3SavepointStore.builder(URI.create("s3://some-bucket/sp"))
                .endpoint(endpoint).region("us-east-1").credentials(server.credentials())
                .maxAttempts(2).connectTimeout(Duration.ofSeconds(2));
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(b::build);
        assertOneClearLine(e, "s3://some-bucket/sp", endpoint.toString(), "cannot reach", "SABOT_S3_ENDPOINT");

        try (S3SavepointStore store = b.checkAccess(false).build()) {
            Throwable put = org.assertj.core.api.Assertions.catchThrowable(
                    () -> store.put("sp-1/a", bytes("x"), PutMode.OVERWRITE));
            assertOneClearLine(put, "cannot write 'sp-1/a'", "cannot reach");
        }
    }

    @Test
    void wrongCredentialsAreOneClearErrorWithoutTheSecret() throws Exception {
        String wrongSecret = "this-secret-is-wrong-and-must-not-leak";
        S3SavepointStoreBuilder b = builder("s3://" + BUCKET + "/creds")
                .credentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, wrongSecret)))
                .maxAttempts(1);
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(b::build);
        assertOneClearLine(e, "access denied", "s3://" + BUCKET + "/creds", "403", "credentials");
        assertThat(e.getMessage()).doesNotContain(wrongSecret);

        try (S3SavepointStore store = b.checkAccess(false).build()) {
            Throwable list = org.assertj.core.api.Assertions.catchThrowable(() -> store.list(""));
            assertOneClearLine(list, "cannot list", "access denied");
            assertThat(list.getMessage()).doesNotContain(wrongSecret);
            assertThat(store.location().toString()).doesNotContain(wrongSecret).doesNotContain("creds@");
            assertThat(store.toString()).doesNotContain(wrongSecret);
        }
    }

    @Test
    void aMissingBucketIsOneClearError() throws Exception {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                () -> builder("s3://no-such-bucket/sp").build());
        assertOneClearLine(e, "s3://no-such-bucket/sp", "does not exist", "bucket");

        try (S3SavepointStore store = builder("s3://no-such-bucket/sp").checkAccess(false).build()) {
            assertOneClearLine(org.assertj.core.api.Assertions.catchThrowable(
                    () -> store.put("a", bytes("x"), PutMode.OVERWRITE)), "does not exist");
            assertOneClearLine(org.assertj.core.api.Assertions.catchThrowable(
                    () -> store.stat("a")), "does not exist");
            assertOneClearLine(org.assertj.core.api.Assertions.catchThrowable(
                    () -> store.open("a")), "does not exist");
            assertOneClearLine(org.assertj.core.api.Assertions.catchThrowable(
                    () -> store.listChildren("")), "does not exist");
        }
    }

    @Test
    void failuresLeaveWhatIsStoredIntact() throws Exception {
        try (S3SavepointStore good = builder("s3://" + BUCKET + "/intact").build()) {
            good.put("sp-1/_metadata.json", bytes("{}"), PutMode.CREATE_IF_ABSENT);
            try (S3SavepointStore bad = builder("s3://" + BUCKET + "/intact").checkAccess(false).maxAttempts(1)
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build()) {
                assertThatThrownBy(() -> bad.delete("sp-1/_metadata.json")).isInstanceOf(StoreException.class);
                assertThatThrownBy(() -> bad.put("sp-1/_metadata.json", bytes("[]"), PutMode.OVERWRITE))
                        .isInstanceOf(StoreException.class);
            }
            assertThat(good.read("sp-1/_metadata.json")).isEqualTo(bytes("{}"));
        }
    }

    @Test
    void aStoreAtTheBucketRootUsesWholeKeys() throws Exception {
        server.createBucket("sabot-root");
        try (S3SavepointStore store = builder("s3://sabot-root").build(); S3Client raw = server.client()) {
            assertThat(store.prefix()).isEmpty();
            assertThat(store.bucket()).isEqualTo("sabot-root");
            assertThat(store.location()).isEqualTo(URI.create("s3://sabot-root"));
            store.put("sp-1/a", bytes("x"), PutMode.OVERWRITE);
            assertThat(raw.headObject(b -> b.bucket("sabot-root").key("sp-1/a")).contentLength()).isEqualTo(1);
            assertThat(store.listChildren("")).containsExactly("sp-1");
        }
    }

    @Test
    void keysLiveUnderThePrefixAndFolderMarkersAreNotObjects() throws Exception {
        try (S3SavepointStore store = builder("s3://" + BUCKET + "/team/app/").build();
             S3Client raw = server.client()) {
            assertThat(store.location()).isEqualTo(URI.create("s3://" + BUCKET + "/team/app"));
            assertThat(store.prefix()).isEqualTo("team/app/");
            store.put("sp-1/a", bytes("x"), PutMode.OVERWRITE);
            raw.putObject(b -> b.bucket(BUCKET).key("team/app/sp-2/"), RequestBody.empty());
            raw.putObject(b -> b.bucket(BUCKET).key("team/application/x"), RequestBody.fromString("not ours"));

            assertThat(raw.headObject(b -> b.bucket(BUCKET).key("team/app/sp-1/a")).contentLength()).isEqualTo(1);
            assertThat(store.list("")).extracting(StoredObject::key).containsExactly("sp-1/a");
        }
    }

    @Test
    void copyFromAStoreOnAnotherEndpointStreamsTheBytes() throws Exception {
        URI sameServerOtherName = URI.create("http://localhost:" + server.endpoint().getPort());
        try (S3SavepointStore here = builder("s3://" + BUCKET + "/copy-here").build();
             S3SavepointStore there = builder("s3://" + BUCKET + "/copy-there").endpoint(sameServerOtherName).build();
             S3SavepointStore sameEndpoint = builder("s3://" + BUCKET + "/copy-same").build()) {
            there.put("chk-1/a", bytes("far"), PutMode.OVERWRITE);
            assertThat(here.copyFrom(there, "chk-1/a", "sp-1/a")).isEqualTo(CopyMethod.STREAM);
            assertThat(here.read("sp-1/a")).isEqualTo(bytes("far"));
            assertThat(sameEndpoint.copyFrom(here, "sp-1/a", "sp-2/a")).isEqualTo(CopyMethod.SERVER_SIDE);
            assertThat(sameEndpoint.read("sp-2/a")).isEqualTo(bytes("far"));
        }
    }

    @Test
    void closingAReadEarlyDoesNotReadTheRest() throws Exception {
        try (S3SavepointStore store = builder("s3://" + BUCKET + "/early").build()) {
            int size = 12 << 20;
            store.put("big", new io.sabot.tck.savepoint.PatternInputStream(size), size, PutMode.OVERWRITE);
            for (int i = 0; i < 5; i++) {
                try (InputStream in = store.open("big")) {
                    assertThat(in.read()).isNotNegative();
                    assertThat(in.read(new byte[10])).isEqualTo(10);
                }
            }
            try (InputStream in = store.open("big")) {
                assertThat(in.readAllBytes()).hasSize(size);
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(store.stat("big").orElseThrow().size()).isEqualTo(size);
        }
    }

    @Test
    void aGivenClientIsUsedAndNotClosed() throws Exception {
        try (S3Client raw = server.client()) {
            S3SavepointStore store = S3SavepointStore.builder(URI.create("s3://" + BUCKET + "/given"))
                    .client(raw).endpoint(server.endpoint()).build();
            store.put("a", bytes("x"), PutMode.OVERWRITE);
            store.close();
            assertThat(raw.headObject(b -> b.bucket(BUCKET).key("given/a")).contentLength()).isEqualTo(1);
        }
    }

    @Test
    void partsGrowSoNoObjectNeedsMoreThanTenThousand() {
        long mib = 1L << 20;
        assertThat(S3SavepointStore.partSizeFor(100 * mib, 8 * mib)).isEqualTo(8 * mib);
        assertThat(S3SavepointStore.partSizeFor(80_000 * mib, 8 * mib)).isEqualTo(8 * mib);
        assertThat(S3SavepointStore.partSizeFor(80_001 * mib, 8 * mib)).isEqualTo(9 * mib);
        assertThat(S3SavepointStore.partSizeFor(5L << 40, 512 * mib)).isEqualTo(525 * mib);
    }

    @Test
    void builderSettingsAreChecked() {
        S3SavepointStoreBuilder b = S3SavepointStore.builder(URI.create("s3://bkt/p"));
        assertThatThrownBy(() -> b.partSize(1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part size");
        assertThatThrownBy(() -> b.copyPartSize(6L << 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.partSize(2L << 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.multipartCopyThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxAttempts(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.apiCallTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.endpoint(URI.create("ftp://host"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> b.endpoint(URI.create("http://user:pw@host"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw");
        assertThat(b.apiCallTimeout(null).region(" ").pathStyle(null).credentials(null).endpoint(null)).isSameAs(b);
    }

    @Test
    void theEndpointComesFromTheEnvironmentWithPathStyle() throws Exception {
        try (S3SavepointStore store = S3SavepointStore.builder(URI.create("s3://" + BUCKET + "/env"))
                .environment(java.util.Map.of("AWS_ENDPOINT_URL_S3", "http://192.0.2.1:1",
                        "SABOT_S3_ENDPOINT", server.endpoint().toString()))
                .region("us-east-1").credentials(server.credentials()).build()) {
            store.put("a", bytes("x"), PutMode.OVERWRITE);
            assertThat(store.toString()).contains(server.endpoint().toString());
        }
        try (S3SavepointStore store = S3SavepointStore.builder(URI.create("s3://" + BUCKET + "/env2"))
                .environment(java.util.Map.of("AWS_ENDPOINT_URL_S3", server.endpoint().toString()))
                .region("us-east-1").credentials(server.credentials()).build()) {
            store.put("a", bytes("x"), PutMode.OVERWRITE);
        }
        assertThatThrownBy(() -> S3SavepointStore.builder(URI.create("s3://bkt"))
                .environment(java.util.Map.of("SABOT_S3_ENDPOINT", "not a uri")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SABOT_S3_ENDPOINT");
    }

    @Test
    void withoutAnEndpointTheStoreTalksToAwsS3() throws Exception {
        try (S3SavepointStore store = S3SavepointStore.builder(URI.create("s3://sabot-aws-bucket/p"))
                .environment(java.util.Map.of()).region("eu-west-1")
                .credentials(server.credentials()).checkAccess(false).build()) {
            assertThat(store.toString()).contains("AWS S3");
            assertThat(store.partSize()).isEqualTo(S3SavepointStoreBuilder.DEFAULT_PART_SIZE);
        }
    }
}
