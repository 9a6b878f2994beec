package io.sabot.api.savepoint;

/** A {@link PutMode#CREATE_IF_ABSENT} put found the key already present; nothing was written. */
public class KeyExistsException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param location the store's location
     * @param key      the key that exists
     */
    public KeyExistsException(String location, String key) {
        super("object '" + key + "' already exists in " + location);
    }
}
