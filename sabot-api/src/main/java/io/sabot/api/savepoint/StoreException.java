package io.sabot.api.savepoint;

import java.io.IOException;

/**
 * A store operation failed. The message is one clear line for the user (the location, the key, what went wrong,
 * and what to check); it never holds credentials.
 */
public class StoreException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one clear line
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message one clear line
     * @param cause   the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
