package io.sabot.cli;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SavepointStoreProvider;
import io.sabot.api.savepoint.StoreLocations;
import io.sabot.runtime.plugin.PluginLoader;
import io.sabot.runtime.worker.AppLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the savepoint and status commands need to know about an app: its id and directory, its checkpoint and
 * savepoint locations, the stores behind them, and its running worker.
 */
final class AppContext {

    private final Optional<String> appId;
    private final Path appDir;
    private final Optional<URI> checkpointDir;
    private final Optional<URI> savepointDir;
    private final StoreOptions stores;
    private final Map<String, String> storeOptions;
    private Map<String, SavepointStoreProvider> providers;

    private AppContext(Optional<String> appId, Path appDir, Optional<URI> checkpointDir, Optional<URI> savepointDir,
                       StoreOptions stores) {
        this.appId = appId;
        this.appDir = appDir;
        this.checkpointDir = checkpointDir;
        this.savepointDir = savepointDir;
        this.stores = stores;
        this.storeOptions = stores.storeOptions();
    }

    /**
     * Resolves an app's context.
     *
     * @param home      the data directory
     * @param appClass  the app's class name, or null when only explicit directories are given
     * @param stores    the explicit locations and the store options
     * @param needsApp  whether the command cannot work without {@code -A}
     * @return the context
     */
    static AppContext resolve(SabotHome home, String appClass, StoreOptions stores, boolean needsApp) {
        Optional<String> id = Optional.empty();
        if (appClass != null) {
            try {
                id = Optional.of(AppLoader.load(appClass, Thread.currentThread().getContextClassLoader()).id());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
        } else if (needsApp || stores.savepointDir().isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "name the app with -A CLASS (or give --savepoint-dir)");
        }
        try {
            Path dir = id.map(home::app).orElse(home.root());
            return new AppContext(id, dir, stores.checkpointDir().map(StoreLocations::parse),
                    stores.savepointDir().map(StoreLocations::parse), stores);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    Path appDir() {
        return appDir;
    }

    String appId() {
        return appId.orElseThrow(() -> new CliException(ExitCodes.USAGE, "name the app with -A CLASS"));
    }

    URI savepointLocation() {
        return savepointDir.orElseGet(() -> appDir.resolve("savepoints").toUri());
    }

    URI checkpointLocation() {
        return checkpointDir.orElseGet(() -> appDir.resolve("checkpoints").toUri());
    }

    Optional<WorkerClient> worker() {
        return appId.isPresent() ? WorkerClient.find(appDir) : Optional.empty();
    }

    /** {@return the app's running worker} @throws CliException if none has written its address */
    WorkerClient requireWorker() {
        return worker().orElseThrow(() -> new CliException(ExitCodes.FAILURE, "no worker of app '" + appId()
                + "' is running (no address file in " + appDir + ")"));
    }

    /**
     * Opens a store that must already exist, with the store options.
     *
     * @param location the location
     * @param what     "savepoint" or "checkpoint", for messages
     * @return the store
     * @throws CliException (usage) if the store refuses an option, (failure) if it cannot be opened
     */
    SavepointStore open(URI location, String what) {
        String scheme = StoreLocations.scheme(location);
        SavepointStoreProvider provider = providers().get(scheme);
        if (provider == null) {
            throw new CliException(ExitCodes.USAGE, "no store serves '" + scheme + ":' locations such as " + location);
        }
        try {
            return provider.open(location, storeOptions);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "cannot open the " + what + " directory " + location + ": "
                    + stores.withOrigins(e.getMessage()), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot open the " + what + " directory: " + e.getMessage(), e);
        }
    }

    SavepointStoreProvider provider(URI location) {
        SavepointStoreProvider provider = providers().get(StoreLocations.scheme(location));
        if (provider == null) {
            throw new CliException(ExitCodes.USAGE, "no store serves locations such as " + location);
        }
        return provider;
    }

    private Map<String, SavepointStoreProvider> providers() {
        if (providers == null) {
            Injector injector = PluginLoader.createInjector(
                    PluginLoader.discover(Thread.currentThread().getContextClassLoader()), java.util.List.of());
            Binding<Map<String, SavepointStoreProvider>> binding = injector.getExistingBinding(
                    Key.get(new TypeLiteral<Map<String, SavepointStoreProvider>>() { }));
            providers = binding == null ? Map.of() : binding.getProvider().get();
        }
        return providers;
    }
}
