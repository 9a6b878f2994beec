package io.sabot.runtime.plugin;

import com.google.inject.Module;
import java.util.Objects;

/**
 * A plugin found on the class path.
 *
 * @param name   the plugin's name ({@link io.sabot.api.plugin.SabotPlugin#pluginName()})
 * @param module the plugin's Guice module
 * @param origin where its class was loaded from (a jar or directory), for the logs
 */
public record LoadedPlugin(String name, Module module, String origin) {

    /**
     * Checks for nulls.
     *
     * @param name   the plugin's name
     * @param module the plugin's Guice module
     * @param origin where its class came from
     */
    public LoadedPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(origin, "origin");
    }
}
