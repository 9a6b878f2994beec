package io.sabot.savepoint.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider opens stores for file: locations; the plugin module binds it by scheme. */
class FsSavepointStoreProviderTest {

    @TempDir
    Path dir;

    private final FsSavepointStoreProvider provider = new FsSavepointStoreProvider();

    @Test
    void servesTheFileScheme() {
        assertThat(provider.schemes()).containsExactly("file");
    }

    @Test
    void opensAPlainPathParsedAsALocation() throws Exception {
        URI location = StoreLocations.parse(dir.toString());
        try (SavepointStore store = provider.open(location, Map.of())) {
            store.put("sp-1/a", "x".getBytes(StandardCharsets.UTF_8), PutMode.OVERWRITE);
            assertThat(Files.readString(dir.resolve("sp-1/a"))).isEqualTo("x");
            assertThat(store.location()).isEqualTo(dir.toRealPath().toUri());
        }
    }

    @Test
    void createsAMissingDirectoryOnlyWhenAsked() throws Exception {
        Path missing = dir.resolve("new");
        URI location = missing.toUri();
        assertThatThrownBy(() -> provider.open(location, Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
        try (SavepointStore store = provider.open(location, Map.of(
                FsSavepointStoreProvider.OPTION_CREATE_DIRECTORY, "true",
                FsSavepointStoreProvider.OPTION_FSYNC, "FALSE",
                "s3.region", "ignored-by-this-provider"))) {
            assertThat(missing).isDirectory();
            assertThat(store.list("")).isEmpty();
        }
    }

    @Test
    void badOptionsAndLocationsAreRefusedClearly() {
        URI location = dir.toUri();
        assertThatThrownBy(() -> provider.open(location, Map.of("fs.fsynk", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fs.fsynk").hasMessageContaining(FsSavepointStoreProvider.OPTION_FSYNC);
        assertThatThrownBy(() -> provider.open(location, Map.of(FsSavepointStoreProvider.OPTION_FSYNC, "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> provider.open(URI.create("s3://bucket/prefix"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file:");
        assertThatThrownBy(() -> provider.open(URI.create("file:relative/path"), Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("absolute path");
    }

    @Test
    void aSchemelessUriIsAPath() throws Exception {
        try (SavepointStore store = provider.open(URI.create(dir.toString()), Map.of())) {
            assertThat(store.location()).isEqualTo(dir.toRealPath().toUri());
        }
    }

    @Test
    void theModuleBindsTheProviderByScheme() {
        Injector injector = Guice.createInjector(new FsSavepointStoreModule());
        Map<String, SavepointStoreProvider> providers =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, SavepointStoreProvider>>() { }));
        assertThat(providers).containsOnlyKeys("file");
        assertThat(providers.get("file")).isInstanceOf(FsSavepointStoreProvider.class);
    }

    @Test
    void theModuleIsFoundAsAPlugin() {
        assertThat(ServiceLoader.load(SabotPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(FsSavepointStoreModule.class);
        assertThat(new FsSavepointStoreModule().pluginName()).isEqualTo("FsSavepointStoreModule");
    }
}
