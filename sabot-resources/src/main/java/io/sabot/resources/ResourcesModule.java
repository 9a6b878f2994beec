package io.sabot.resources;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.ResourceMonitor;
import io.sabot.api.resources.ResourceProbe;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import oshi.SystemInfo;

/**
 * Wires the resources module: the built-in probes into a {@code Multibinder<ResourceProbe>} (add your own with
 * {@code Multibinder.newSetBinder(binder(), ResourceProbe.class).addBinding()}), and a singleton
 * {@link ResourceMonitor} ({@link DefaultResourceMonitor}) over every bound probe, the bound {@link Metrics} (or
 * {@link Metrics#noop()} when no metrics module is installed) and the bound {@link ResourcesConfig} (default
 * {@link ResourcesConfig#defaults()}; replace it with
 * {@code OptionalBinder.newOptionalBinder(binder(), ResourcesConfig.class).setBinding().toInstance(...)}).
 */
public final class ResourcesModule extends AbstractModule implements SabotPlugin {

    /** The system property that sets the monitor's interval. */
    public static final String INTERVAL_PROPERTY = "sabot.resources.interval";
    /** The system property with the backpressure thresholds, in the text form of {@link BackpressureThresholds}. */
    public static final String BACKPRESSURE_PROPERTY = "sabot.resources.backpressure";

    /** Creates the module; the runtime finds it through {@link java.util.ServiceLoader}. */
    public ResourcesModule() {
        // wiring only
    }

    @Override
    protected void configure() {
        Multibinder<ResourceProbe> probes = Multibinder.newSetBinder(binder(), ResourceProbe.class);
        probes.addBinding().to(ProcessProbe.class);
        probes.addBinding().to(SystemProbe.class);
        probes.addBinding().to(JvmProbe.class);
        probes.addBinding().to(ContainerProbe.class);
        OptionalBinder.newOptionalBinder(binder(), ResourcesConfig.class).setDefault()
                .toInstance(fromProperties(System.getProperties()));
        OptionalBinder.newOptionalBinder(binder(), Metrics.class);
    }

    /**
     * The defaults, with the monitor's interval taken from the property {@value #INTERVAL_PROPERTY} when it is set
     * (as the worker's {@code --resource-interval} does): seconds, or a number with a unit ({@code 500ms}, {@code 5s});
     * and the backpressure thresholds from {@value #BACKPRESSURE_PROPERTY} when it is set (as the worker's
     * {@code --backpressure} does), in the form {@link BackpressureThresholds#parse(String)} reads.
     *
     * @param properties usually the system properties
     * @return the configuration
     * @throws IllegalArgumentException if a property is malformed
     */
    static ResourcesConfig fromProperties(java.util.Properties properties) {
        ResourcesConfig.Builder config = ResourcesConfig.builder();
        String interval = properties.getProperty(INTERVAL_PROPERTY);
        if (interval != null && !interval.isBlank()) {
            config.interval(io.sabot.api.Durations.parse(interval));
        }
        String thresholds = properties.getProperty(BACKPRESSURE_PROPERTY);
        if (thresholds != null && !thresholds.isBlank()) {
            config.thresholds(BackpressureThresholds.parse(thresholds));
        }
        return config.build();
    }

    @Provides
    @Singleton
    SystemInfo systemInfo() {
        return new SystemInfo();
    }

    @Provides
    @Singleton
    ProcessProbe processProbe(SystemInfo info) {
        return new ProcessProbe(info, Clock.systemUTC(), System::nanoTime);
    }

    @Provides
    @Singleton
    SystemProbe systemProbe(SystemInfo info) {
        return new SystemProbe(info, Clock.systemUTC());
    }

    @Provides
    @Singleton
    JvmProbe jvmProbe() {
        return new JvmProbe(Clock.systemUTC());
    }

    @Provides
    @Singleton
    ContainerProbe containerProbe(SystemInfo info) {
        return new ContainerProbe(info, Clock.systemUTC());
    }

    @Provides
    @Singleton
    DefaultResourceMonitor defaultResourceMonitor(Set<ResourceProbe> probes, Optional<Metrics> metrics,
                                                  ResourcesConfig config) {
        return DefaultResourceMonitor.builder().probes(probes).metrics(metrics.orElse(Metrics.noop()))
                .config(config).build();
    }

    @Provides
    @Singleton
    ResourceMonitor resourceMonitor(DefaultResourceMonitor monitor) {
        return monitor;
    }
}
