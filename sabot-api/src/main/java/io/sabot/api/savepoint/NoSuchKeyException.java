package io.sabot.api.savepoint;

/** The key asked for does not exist in the store. */
public class NoSuchKeyException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param location the store's location
     * @param key      the missing key
     */
    public NoSuchKeyException(String location, String key) {
        super("no object '" + key + "' in " + location);
    }
}
