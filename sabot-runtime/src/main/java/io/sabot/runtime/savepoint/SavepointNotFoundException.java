package io.sabot.runtime.savepoint;

/** The savepoint asked for does not exist in the store, or is incomplete (it has no metadata). */
public final class SavepointNotFoundException extends SavepointException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id       the savepoint id asked for
     * @param location the store's location
     */
    public SavepointNotFoundException(String id, String location) {
        super("no savepoint " + id + " in " + location + "; run 'sabot savepoint list' to see the savepoints there");
    }
}
