package io.sabot.metrics;

import com.codahale.metrics.MetricRegistry;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsExporter;
import io.sabot.api.plugin.HttpEndpoint;
import io.sabot.api.plugin.SabotPlugin;
import java.util.Objects;

/**
 * Wires the metrics module: {@link Metrics} (through an {@code OptionalBinder}, so a runtime default of
 * {@link Metrics#noop()} is overridden) and {@link MetricRegistry} from one {@link DropwizardMetrics}; the
 * {@code /metrics} {@link PrometheusEndpoint} into the {@code Multibinder<HttpEndpoint>}; and the Pushgateway and
 * StatsD exporters that {@link MetricsConfig} turns on into the {@code Multibinder<MetricsExporter>}. A user adds
 * an exporter of their own by binding it into that set from their own module.
 *
 * <p>The no-argument constructor, used by {@link java.util.ServiceLoader}, reads the {@code sabot.metrics.*}
 * system properties (see {@link MetricsConfig#fromProperties(java.util.Properties)}).
 */
public final class MetricsModule extends AbstractModule implements SabotPlugin {

    private final MetricsConfig config;

    /** Creates the module from the {@code sabot.metrics.*} system properties. */
    public MetricsModule() {
        this(MetricsConfig.fromProperties(System.getProperties()));
    }

    /**
     * Creates the module.
     *
     * @param config the settings
     */
    public MetricsModule(MetricsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(MetricsConfig.class).toInstance(config);
        OptionalBinder.newOptionalBinder(binder(), Metrics.class).setBinding().to(DropwizardMetrics.class);
        Multibinder<HttpEndpoint> endpoints = Multibinder.newSetBinder(binder(), HttpEndpoint.class);
        if (config.prometheusEnabled()) {
            endpoints.addBinding().to(PrometheusEndpoint.class);
        }
        Multibinder<MetricsExporter> exporters = Multibinder.newSetBinder(binder(), MetricsExporter.class);
        config.newPushgatewayExporter().ifPresent(exporter -> exporters.addBinding().toInstance(exporter));
        config.newStatsdExporter().ifPresent(exporter -> exporters.addBinding().toInstance(exporter));
    }

    @Provides
    @Singleton
    DropwizardMetrics dropwizardMetrics(MetricsConfig settings) {
        return DropwizardMetrics.builder().maxSeriesPerMetric(settings.maxSeriesPerMetric()).build();
    }

    @Provides
    MetricRegistry metricRegistry(DropwizardMetrics metrics) {
        return metrics.registry();
    }

    @Provides
    @Singleton
    PrometheusEndpoint prometheusEndpoint(Metrics metrics) {
        return new PrometheusEndpoint(metrics);
    }
}
