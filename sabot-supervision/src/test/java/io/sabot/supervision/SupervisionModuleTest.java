package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SupervisionModuleTest {

    /** A user's strategy, added to the same map binder from the user's own module. */
    static final class LastOnly implements SupervisionStrategy {
        @Override
        public String name() {
            return "last_only";
        }

        @Override
        public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
            return List.of(failed.id());
        }
    }

    @Test
    void isDiscoveredThroughServiceLoaderAndBindsTheBuiltInsByName() {
        List<SabotPlugin> plugins = ServiceLoader.load(SabotPlugin.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        assertThat(plugins).hasAtLeastOneElementOfType(SupervisionModule.class);
        SabotPlugin plugin = plugins.stream().filter(p -> p instanceof SupervisionModule).findFirst().orElseThrow();
        assertThat(plugin.pluginName()).isEqualTo("SupervisionModule");
        Injector injector = Guice.createInjector((Module) plugin, new AbstractModule() {
            @Override
            protected void configure() {
                SupervisionModule.strategies(binder()).addBinding("last_only").to(LastOnly.class);
            }
        });
        SupervisionStrategies strategies = injector.getInstance(SupervisionStrategies.class);
        assertThat(strategies.names()).containsExactly("last_only", "one_for_all", "one_for_one", "rest_for_one",
                "simple_one_for_one");
        assertThat(strategies.get("rest_for_one")).isInstanceOf(RestForOneStrategy.class);
        assertThat(strategies.get("last_only")).isInstanceOf(LastOnly.class);
        assertThatThrownBy(() -> strategies.get("one_for_two")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown supervision strategy 'one_for_two'")
                .hasMessageContaining("one_for_all, one_for_one, rest_for_one, simple_one_for_one");
    }

    @Test
    void installingTheModuleTwiceIsHarmless() {
        Injector injector = Guice.createInjector(new SupervisionModule(), new SupervisionModule());
        assertThat(injector.getInstance(SupervisionStrategies.class).names()).hasSize(4);
    }

    @Test
    void registryRejectsBadNames() {
        assertThatThrownBy(() -> new SupervisionStrategies(Map.of("OneForOne", new OneForOneStrategy())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snake case");
        assertThatThrownBy(() -> new SupervisionStrategies(Map.of("one_for_all", new OneForOneStrategy())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its name() is 'one_for_one'");
        assertThat(SupervisionStrategies.builtIns().get("simple_one_for_one").dynamicChildren()).isTrue();
    }
}
