package io.sabot.runtime.savepoint;

/**
 * A savepoint's metadata is unreadable or its files do not match it, so it cannot be shown or restored. Nothing was
 * changed.
 */
public final class CorruptSavepointException extends SavepointException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one clear line naming the savepoint and the problem
     */
    public CorruptSavepointException(String message) {
        super(message);
    }
}
