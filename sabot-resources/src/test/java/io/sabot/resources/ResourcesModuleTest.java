package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.ResourceMonitor;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.tck.metrics.RecordingMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import com.google.inject.multibindings.OptionalBinder;

class ResourcesModuleTest {

    @Test
    void bindsTheMonitorOverTheStandardProbes() {
        Injector injector = Guice.createInjector(new ResourcesModule());
        ResourceMonitor monitor = injector.getInstance(ResourceMonitor.class);
        assertThat(monitor).isInstanceOf(DefaultResourceMonitor.class)
                .isSameAs(injector.getInstance(ResourceMonitor.class));
        Set<ResourceProbe> probes = injector.getInstance(Key.get(new TypeLiteral<Set<ResourceProbe>>() { }));
        assertThat(probes.stream().map(ResourceProbe::name).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("process", "system", "jvm", "container");
        DefaultResourceMonitor m = (DefaultResourceMonitor) monitor;
        assertThat(m.interval()).isEqualTo(ResourcesConfig.DEFAULT_INTERVAL);
        m.close();
    }

    @Test
    void usesTheBoundMetricsAndConfig() {
        RecordingMetrics metrics = new RecordingMetrics();
        Injector injector = Guice.createInjector(new ResourcesModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Metrics.class).toInstance(metrics);
                OptionalBinder.newOptionalBinder(binder(), ResourcesConfig.class).setBinding()
                        .toInstance(ResourcesConfig.builder().interval(Duration.ofMillis(500)).build());
            }
        });
        DefaultResourceMonitor monitor = injector.getInstance(DefaultResourceMonitor.class);
        assertThat(monitor.interval()).isEqualTo(Duration.ofMillis(500));
        monitor.runPass(List::of);
        assertThat(metrics.gaugeValue(StandardMetrics.PROCESS_RESIDENT_MEMORY).orElseThrow()).isPositive();
        monitor.close();
    }

    @Test
    void isDiscoveredAsASabotPlugin() {
        assertThat(ServiceLoader.load(SabotPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(ResourcesModule.class);
        assertThat(new ResourcesModule().pluginName()).isEqualTo("ResourcesModule");
    }

    @Test
    void theIntervalAndTheBackpressureThresholdsComeFromProperties() {
        Properties none = new Properties();
        none.setProperty(ResourcesModule.BACKPRESSURE_PROPERTY, " ");
        assertThat(ResourcesModule.fromProperties(none).interval()).isEqualTo(ResourcesConfig.DEFAULT_INTERVAL);
        assertThat(ResourcesModule.fromProperties(none).thresholds()).isEqualTo(BackpressureThresholds.DEFAULT);

        Properties both = new Properties();
        both.setProperty(ResourcesModule.INTERVAL_PROPERTY, "250ms");
        both.setProperty(ResourcesModule.BACKPRESSURE_PROPERTY, "flow=0.2/0.4/0.6");
        ResourcesConfig config = ResourcesModule.fromProperties(both);
        assertThat(config.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.thresholds()).isEqualTo(new BackpressureThresholds(0.5, 0.7, 0.85, 0.95, 0.2, 0.4, 0.6));

        Properties bad = new Properties();
        bad.setProperty(ResourcesModule.BACKPRESSURE_PROPERTY, "flow=0.6/0.4/0.2");
        assertThatThrownBy(() -> ResourcesModule.fromProperties(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 'flow=0.6/0.4/0.2'");
    }
}
