package io.sabot.api.plugin;

/**
 * The marker by which the runtime discovers plugin modules through {@link java.util.ServiceLoader}.
 *
 * <p>An implementation is the plugin's wiring module: in Sabot's runtime, a class that is both a
 * {@code com.google.inject.Module} and a {@code SabotPlugin}, so that this API stays free of Guice. The runtime
 * rejects, with a message naming the class, a plugin that is not a module it knows how to install. Implementations
 * must have a public no-argument constructor and register themselves in
 * {@code META-INF/services/io.sabot.api.plugin.SabotPlugin}.
 *
 * <p>Named contributions of a plugin - a supervision strategy, a store URI scheme, a metrics exporter - are bound
 * by name inside the module, so that a jar on the classpath adds, for example, {@code --supervision my_strategy}
 * without any change to Sabot.
 */
public interface SabotPlugin {

    /**
     * A short name for logs and error messages. Defaults to the implementing class's simple name.
     *
     * @return the plugin's name
     */
    default String pluginName() {
        return getClass().getSimpleName();
    }
}
