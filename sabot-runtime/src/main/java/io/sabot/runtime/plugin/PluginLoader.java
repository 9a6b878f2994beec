package io.sabot.runtime.plugin;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.spi.Message;
import io.sabot.api.plugin.SabotPlugin;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugin modules with {@link ServiceLoader} through the {@link SabotPlugin} marker and builds the worker's
 * Guice injector from them and the user's own modules.
 *
 * <p>Each plugin found is logged with its origin. A broken plugin - a class that cannot be loaded or instantiated, or
 * one that is not a Guice module - fails the start with a {@link PluginException} naming it; so does a Guice error
 * while installing the modules (the first error message is kept, the rest go to the cause). The same class listed
 * twice (for example by two copies of a jar) is installed once.
 *
 * <p>Thread-safety: stateless; safe to use from any thread.
 */
public final class PluginLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    /**
     * Finds every plugin visible to a class loader.
     *
     * @param classLoader where to look, usually the context class loader
     * @return the plugins, in class-path order, each class once
     * @throws PluginException if a listed plugin cannot be loaded or is not a Guice module
     */
    public static List<LoadedPlugin> discover(ClassLoader classLoader) {
        Map<String, LoadedPlugin> found = new LinkedHashMap<>();
        Iterator<SabotPlugin> it = ServiceLoader.load(SabotPlugin.class, classLoader).iterator();
        while (true) {
            SabotPlugin plugin;
            try {
                if (!it.hasNext()) {
                    break;
                }
                plugin = it.next();
            } catch (ServiceConfigurationError e) {
                throw new PluginException("a plugin listed in META-INF/services/" + SabotPlugin.class.getName()
                        + " cannot be loaded: " + e.getMessage(), e);
            }
            String className = plugin.getClass().getName();
            if (!(plugin instanceof Module)) {
                throw new PluginException("plugin " + className + " is not a Guice module: a Sabot plugin class "
                        + "must implement both io.sabot.api.plugin.SabotPlugin and com.google.inject.Module", null);
            }
            found.putIfAbsent(className, new LoadedPlugin(plugin.pluginName(), (Module) plugin,
                    origin(plugin.getClass())));
        }
        return List.copyOf(found.values());
    }

    /**
     * Builds an injector from plugins and the user's modules, logging each module it installs.
     *
     * @param plugins     the plugins to install
     * @param userModules further modules (the app's, the worker's configuration)
     * @return the injector
     * @throws PluginException if Guice rejects the modules; the message gives Guice's first error
     */
    public static Injector createInjector(List<LoadedPlugin> plugins, List<Module> userModules) {
        List<Module> modules = new ArrayList<>();
        for (LoadedPlugin p : plugins) {
            LOG.info("installing plugin {} ({}) from {}", p.name(), p.module().getClass().getName(), p.origin());
            modules.add(p.module());
        }
        for (Module m : userModules) {
            LOG.info("installing module {}", m.getClass().getName());
            modules.add(m);
        }
        try {
            return Guice.createInjector(modules);
        } catch (CreationException e) {
            Message first = e.getErrorMessages().iterator().next();
            throw new PluginException("cannot install the worker's modules (" + e.getErrorMessages().size()
                    + " error(s)); first: " + first.getMessage(), e);
        }
    }

    private static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "(unknown)" : source.getLocation().toString();
    }
}
