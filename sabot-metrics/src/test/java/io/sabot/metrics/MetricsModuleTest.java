package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsExporter;
import io.sabot.api.plugin.HttpEndpoint;
import io.sabot.api.plugin.SabotPlugin;
import java.net.URI;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsModuleTest {

    private static final Key<Set<HttpEndpoint>> ENDPOINTS = Key.get(new TypeLiteral<>() { });
    private static final Key<Set<MetricsExporter>> EXPORTERS = Key.get(new TypeLiteral<>() { });

    /** A user's exporter, added from the user's own module. */
    static final class MyExporter implements MetricsExporter {
        @Override
        public String name() {
            return "mine";
        }

        @Override
        public void start(Metrics metrics) {
            // nothing to do in this test
        }

        @Override
        public void close() {
            // nothing to close
        }
    }

    @Test
    void bindsOneDropwizardFacadeTheRegistryAndTheMetricsEndpoint() {
        Injector injector = Guice.createInjector(new MetricsModule(MetricsConfig.builder().maxSeriesPerMetric(7)
                .build()));

        Metrics metrics = injector.getInstance(Metrics.class);
        assertThat(metrics).isInstanceOf(DropwizardMetrics.class).isSameAs(injector.getInstance(Metrics.class));
        assertThat(((DropwizardMetrics) metrics).maxSeriesPerMetric()).isEqualTo(7);
        assertThat(injector.getInstance(MetricRegistry.class)).isSameAs(((DropwizardMetrics) metrics).registry());
        assertThat(injector.getInstance(ENDPOINTS)).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("/metrics"));
        assertThat(injector.getInstance(EXPORTERS)).isEmpty();
    }

    @Test
    void overridesARuntimeDefaultOfTheNoopFacade() {
        Injector injector = Guice.createInjector(
                binder -> OptionalBinder.newOptionalBinder(binder, Metrics.class).setDefault()
                        .toInstance(Metrics.noop()),
                new MetricsModule(MetricsConfig.defaults()));
        assertThat(injector.getInstance(Metrics.class)).isInstanceOf(DropwizardMetrics.class);
    }

    @Test
    void configuredExportersAndAUsersExporterAreAllBound() {
        MetricsConfig config = MetricsConfig.builder().prometheusEnabled(false)
                .pushgatewayUrl(URI.create("http://127.0.0.1:9091")).pushgatewayInstance("w1")
                .statsdHost("127.0.0.1").build();
        Injector injector = Guice.createInjector(new MetricsModule(config), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), MetricsExporter.class).addBinding().to(MyExporter.class);
            }
        });

        assertThat(injector.getInstance(EXPORTERS)).extracting(MetricsExporter::name)
                .containsExactlyInAnyOrder("pushgateway", "statsd", "mine");
        assertThat(injector.getInstance(ENDPOINTS)).isEmpty();
        assertThat(injector.getInstance(MetricsConfig.class)).isSameAs(config);
    }

    @Test
    void isFoundAsAPluginAndReadsSystemProperties() {
        assertThat(ServiceLoader.load(SabotPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(MetricsModule.class);
        MetricsModule fromProperties = new MetricsModule();
        assertThat(fromProperties.pluginName()).isEqualTo("MetricsModule");
        assertThat(Guice.createInjector(fromProperties).getInstance(Metrics.class))
                .isInstanceOf(DropwizardMetrics.class);
    }
}
