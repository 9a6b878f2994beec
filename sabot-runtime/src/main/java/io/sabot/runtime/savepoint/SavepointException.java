package io.sabot.runtime.savepoint;

import java.io.IOException;

/**
 * A savepoint operation was refused or failed. The message is one clear line for the user: which savepoint, in which
 * store, what is wrong and what to do. It never holds credentials.
 */
public class SavepointException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one clear line
     */
    public SavepointException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message one clear line
     * @param cause   the underlying failure
     */
    public SavepointException(String message, Throwable cause) {
        super(message, cause);
    }
}
