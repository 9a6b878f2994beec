package io.sabot.savepoint.s3;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.savepoint.SavepointStoreProvider;

/**
 * Wires the S3 store into Sabot: binds {@link S3SavepointStoreProvider} under the scheme
 * {@value S3SavepointStoreProvider#SCHEME} in the {@code MapBinder<String, SavepointStoreProvider>} of store
 * providers. Found through {@code META-INF/services/io.sabot.api.plugin.SabotPlugin}.
 */
public final class S3SavepointStoreModule extends AbstractModule implements SabotPlugin {

    /** Creates the module. */
    public S3SavepointStoreModule() {
    }

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, SavepointStoreProvider.class)
                .addBinding(S3SavepointStoreProvider.SCHEME)
                .to(S3SavepointStoreProvider.class);
    }
}
