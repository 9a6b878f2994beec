package io.sabot.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    private static ClassLoader withServices(Path dir, String... classNames) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.write(services.resolve("io.sabot.api.plugin.SabotPlugin"), List.of(classNames));
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginLoaderTest.class.getClassLoader());
    }

    @Test
    void findsThePluginsListedOnTheClassPathAndInstallsThem() {
        List<LoadedPlugin> plugins = PluginLoader.discover(PluginLoaderTest.class.getClassLoader());

        assertThat(plugins).extracting(LoadedPlugin::name).contains("GreetingPlugin");
        Injector injector = PluginLoader.createInjector(plugins, List.of());
        assertThat(injector.getInstance(Key.get(String.class, Names.named("greeting")))).isEqualTo("hello from a plugin");
    }

    @Test
    void aClassListedTwiceIsInstalledOnce(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, GreetingPlugin.class.getName());

        List<LoadedPlugin> plugins = PluginLoader.discover(loader);

        assertThat(plugins).filteredOn(p -> p.name().equals("GreetingPlugin")).hasSize(1);
        assertThat(plugins.get(0).origin()).isNotBlank();
    }

    @Test
    void aPluginThatIsNotAGuiceModuleFailsNamingIt(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, NotAModulePlugin.class.getName());

        assertThatThrownBy(() -> PluginLoader.discover(loader))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(NotAModulePlugin.class.getName())
                .hasMessageContaining("is not a Guice module");
    }

    @Test
    void aPluginClassThatCannotBeLoadedFailsNamingIt(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, "com.example.MissingPlugin");

        assertThatThrownBy(() -> PluginLoader.discover(loader))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("cannot be loaded")
                .hasMessageContaining("com.example.MissingPlugin");
    }

    @Test
    void aGuiceErrorBecomesOneClearMessage() {
        AbstractModule clash = new AbstractModule() {
            @Override
            protected void configure() {
                bindConstant().annotatedWith(Names.named("greeting")).to("a second greeting");
            }
        };
        List<LoadedPlugin> plugins = PluginLoader.discover(PluginLoaderTest.class.getClassLoader());

        assertThatThrownBy(() -> PluginLoader.createInjector(plugins, List.of(clash)))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("cannot install the worker's modules (1 error(s)); first:")
                .hasMessageContaining("greeting");
    }
}
