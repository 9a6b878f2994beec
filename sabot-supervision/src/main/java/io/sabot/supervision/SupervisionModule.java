package io.sabot.supervision;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.Map;

/**
 * Guice wiring of the supervision module: binds the four built-in strategies by name in a
 * {@code MapBinder<String, SupervisionStrategy>} and provides the {@link SupervisionStrategies} registry built from
 * that map. A plugin adds its own strategy with {@link #strategies(com.google.inject.Binder)} in its own module.
 *
 * <p>Found by the runtime through {@code META-INF/services/io.sabot.api.plugin.SabotPlugin}.
 */
public final class SupervisionModule extends AbstractModule implements SabotPlugin {

    /** Creates the module. */
    public SupervisionModule() {
    }

    /**
     * The map binder that collects supervision strategies by name; call it from any module to add one.
     *
     * @param binder the module's binder
     * @return the map binder
     */
    public static MapBinder<String, SupervisionStrategy> strategies(com.google.inject.Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, SupervisionStrategy.class);
    }

    @Override
    protected void configure() {
        MapBinder<String, SupervisionStrategy> strategies = strategies(binder());
        strategies.addBinding(OneForOneStrategy.NAME).to(OneForOneStrategy.class);
        strategies.addBinding(OneForAllStrategy.NAME).to(OneForAllStrategy.class);
        strategies.addBinding(RestForOneStrategy.NAME).to(RestForOneStrategy.class);
        strategies.addBinding(SimpleOneForOneStrategy.NAME).to(SimpleOneForOneStrategy.class);
    }

    @Provides
    @Singleton
    SupervisionStrategies supervisionStrategies(Map<String, SupervisionStrategy> strategies) {
        return new SupervisionStrategies(strategies);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupervisionModule;
    }

    @Override
    public int hashCode() {
        return SupervisionModule.class.hashCode();
    }
}
