package io.sabot.api.savepoint;

import java.time.Instant;
import java.util.Objects;

/**
 * An object in a store, as listed. Immutable.
 *
 * @param key          the object's key, relative to the store's location
 * @param size         its size in bytes
 * @param lastModified when it was last written
 */
public record StoredObject(String key, long size, Instant lastModified) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param key the object's key, relative to the store's location
     * @param size its size in bytes
     * @param lastModified when it was last written
     */
    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("object size must be zero or more, got " + size);
        }
    }
}
