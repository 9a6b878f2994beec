package io.sabot.api.savepoint;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Opens stores for the URI schemes it serves: the SPI by which a location such as {@code s3://bucket/prefix} finds
 * its store. Plugin modules bind their providers by scheme; the runtime picks the one for a location's scheme.
 *
 * <p>Thread-safety: implementations must be thread-safe.
 */
public interface SavepointStoreProvider {

    /** {@return the URI schemes served, lower case, for example {@code ["s3"]}} */
    Set<String> schemes();

    /**
     * Opens the store at a location. Opening does not create anything; it may check that the location is reachable
     * and fail early with a clear message.
     *
     * @param location a URI with one of {@link #schemes()}
     * @param options  store-specific settings (an endpoint, a region, a profile name); never logged whole, since
     *                 they may hold secrets
     * @return the store
     * @throws StoreException if the location is malformed or cannot be reached
     * @throws IOException    if opening fails otherwise
     */
    SavepointStore open(URI location, Map<String, String> options) throws IOException;
}
