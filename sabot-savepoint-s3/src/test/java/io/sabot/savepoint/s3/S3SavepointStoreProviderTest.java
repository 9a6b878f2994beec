package io.sabot.savepoint.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SavepointStoreProvider;
import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoreLocations;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider turns options into a store; the plugin module binds it by scheme. */
class S3SavepointStoreProviderTest {

    private static final String BUCKET = "sabot-provider";
    private static S3ProxyServer server;

    private final S3SavepointStoreProvider provider = new S3SavepointStoreProvider(Map.of());

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Map<String, String> options() {
        Map<String, String> o = new HashMap<>();
        o.put(S3SavepointStoreProvider.ENDPOINT, server.endpoint().toString());
        o.put(S3SavepointStoreProvider.REGION, "us-east-1");
        o.put(S3SavepointStoreProvider.ACCESS_KEY_ID, S3ProxyServer.ACCESS_KEY);
        o.put(S3SavepointStoreProvider.SECRET_ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        return o;
    }

    @Test
    void servesTheS3Scheme() {
        assertThat(provider.schemes()).containsExactly("s3");
    }

    @Test
    void opensAStoreWithEveryOption() throws Exception {
        Map<String, String> o = options();
        o.put(S3SavepointStoreProvider.PATH_STYLE, "true");
        o.put(S3SavepointStoreProvider.PART_SIZE, String.valueOf(6 << 20));
        o.put(S3SavepointStoreProvider.MULTIPART_COPY_THRESHOLD, String.valueOf(100 << 20));
        o.put(S3SavepointStoreProvider.COPY_PART_SIZE, String.valueOf(50 << 20));
        o.put(S3SavepointStoreProvider.MAX_ATTEMPTS, "2");
        o.put(S3SavepointStoreProvider.CONNECT_TIMEOUT_MS, "3000");
        o.put(S3SavepointStoreProvider.API_CALL_TIMEOUT_MS, "60000");
        o.put(S3SavepointStoreProvider.CHECK_ACCESS, "true");
        o.put("fs.fsync", "false");
        try (SavepointStore store = provider.open(StoreLocations.parse("s3://" + BUCKET + "/prov"), o)) {
            store.put("a", "x".getBytes(StandardCharsets.UTF_8), PutMode.OVERWRITE);
            assertThat(store.read("a")).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
            assertThat(((S3SavepointStore) store).partSize()).isEqualTo(6 << 20);
            assertThat(store.location()).isEqualTo(URI.create("s3://" + BUCKET + "/prov"));
        }
        Map<String, String> session = options();
        session.put(S3SavepointStoreProvider.SESSION_TOKEN, "token");
        session.put(S3SavepointStoreProvider.CHECK_ACCESS, "false");
        try (SavepointStore store = provider.open(URI.create("s3://" + BUCKET + "/session"), session)) {
            assertThat(store.location().toString()).doesNotContain("token");
        }
    }

    @Test
    void theEndpointMayComeFromTheEnvironment() throws Exception {
        S3SavepointStoreProvider fromEnv =
                new S3SavepointStoreProvider(Map.of("SABOT_S3_ENDPOINT", server.endpoint().toString()));
        Map<String, String> o = options();
        o.remove(S3SavepointStoreProvider.ENDPOINT);
        try (SavepointStore store = fromEnv.open(URI.create("s3://" + BUCKET + "/env"), o)) {
            store.put("a", new byte[] {1}, PutMode.CREATE_IF_ABSENT);
        }
    }

    @Test
    void aProfileThatDoesNotExistGivesAClearError() {
        Map<String, String> o = options();
        o.remove(S3SavepointStoreProvider.ACCESS_KEY_ID);
        o.remove(S3SavepointStoreProvider.SECRET_ACCESS_KEY);
        o.put(S3SavepointStoreProvider.PROFILE, "sabot-no-such-profile");
        o.put(S3SavepointStoreProvider.MAX_ATTEMPTS, "1");
        assertThatThrownBy(() -> provider.open(URI.create("s3://" + BUCKET + "/p"), o))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("s3://" + BUCKET + "/p");
    }

    @Test
    void badOptionsAreRefusedWithoutEchoingSecrets() {
        URI location = URI.create("s3://" + BUCKET + "/bad");
        Map<String, String> unknown = options();
        unknown.put("s3.endpiont", "x");
        assertThatThrownBy(() -> provider.open(location, unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3.endpiont").hasMessageContaining(S3SavepointStoreProvider.ENDPOINT);

        Map<String, String> halfKeys = options();
        halfKeys.remove(S3SavepointStoreProvider.ACCESS_KEY_ID);
        assertThatThrownBy(() -> provider.open(location, halfKeys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both").hasMessageNotContaining(S3ProxyServer.SECRET_KEY);

        Map<String, String> tokenOnly = new HashMap<>(Map.of(S3SavepointStoreProvider.SESSION_TOKEN, "t"));
        assertThatThrownBy(() -> provider.open(location, tokenOnly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(S3SavepointStoreProvider.ACCESS_KEY_ID);

        Map<String, String> both = options();
        both.put(S3SavepointStoreProvider.PROFILE, "p");
        assertThatThrownBy(() -> provider.open(location, both)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");

        Map<String, String> badNumber = options();
        badNumber.put(S3SavepointStoreProvider.PART_SIZE, "8MiB");
        assertThatThrownBy(() -> provider.open(location, badNumber)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(S3SavepointStoreProvider.PART_SIZE);

        Map<String, String> badFlag = options();
        badFlag.put(S3SavepointStoreProvider.PATH_STYLE, "yes");
        assertThatThrownBy(() -> provider.open(location, badFlag)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("true or false");

        Map<String, String> badEndpoint = options();
        badEndpoint.put(S3SavepointStoreProvider.ENDPOINT, "127.0.0.1:9000");
        assertThatThrownBy(() -> provider.open(location, badEndpoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(S3SavepointStoreProvider.ENDPOINT);

        assertThatThrownBy(() -> provider.open(URI.create("file:///tmp/x"), options()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3://bucket");
    }

    @Test
    void theModuleBindsTheProviderByScheme() {
        Map<String, SavepointStoreProvider> providers = Guice.createInjector(new S3SavepointStoreModule())
                .getInstance(Key.get(new TypeLiteral<Map<String, SavepointStoreProvider>>() { }));
        assertThat(providers).containsOnlyKeys("s3");
        assertThat(providers.get("s3")).isInstanceOf(S3SavepointStoreProvider.class);
        assertThat(new S3SavepointStoreProvider().schemes()).containsExactly("s3");
    }

    @Test
    void theModuleIsFoundAsAPlugin() {
        assertThat(ServiceLoader.load(SabotPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(S3SavepointStoreModule.class);
    }
}
