package io.sabot.savepoint.fs;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.savepoint.SavepointStoreProvider;

/**
 * Wires the filesystem store into Sabot: binds {@link FsSavepointStoreProvider} under the scheme
 * {@value FsSavepointStoreProvider#SCHEME} in the {@code MapBinder<String, SavepointStoreProvider>} of store
 * providers. Found through {@code META-INF/services/io.sabot.api.plugin.SabotPlugin}.
 */
public final class FsSavepointStoreModule extends AbstractModule implements SabotPlugin {

    /** Creates the module. */
    public FsSavepointStoreModule() {
    }

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, SavepointStoreProvider.class)
                .addBinding(FsSavepointStoreProvider.SCHEME)
                .to(FsSavepointStoreProvider.class);
    }
}
