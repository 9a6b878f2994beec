package io.sabot.runtime.savepoint;

/**
 * Hears how a transfer of savepoint bytes advances: creating a savepoint from a checkpoint, or restoring one as a
 * checkpoint. A command-line tool draws a progress bar from it; a service may log or export it.
 *
 * <p>Bytes that stream through the JVM are reported as they are read, a few hundred kilobytes at a time at most.
 * A file the stores copy natively (a hard link, a server-side copy) is reported whole when its copy completes.
 * Every call of one transfer comes between its {@link #started} and its {@link #finished}, and the bytes reported in
 * between add up to at most the total announced (exactly the total when the transfer succeeds).
 *
 * <p>Thread-safety: {@link #advanced(long)} is called from the copying threads, several at once; implementations
 * must be thread-safe and quick (they run on the copy's hot path).
 */
public interface TransferProgress {

    /** Hears nothing. */
    TransferProgress NONE = new TransferProgress() {
        @Override
        public void started(String what, long totalBytes, int files) {
        }

        @Override
        public void advanced(long bytes) {
        }

        @Override
        public void finished(boolean succeeded) {
        }
    };

    /**
     * A transfer starts.
     *
     * @param what       what is transferred, for people: {@code "savepoint sp-... from checkpoint chk-12"}
     * @param totalBytes the bytes to move
     * @param files      the files to move
     */
    void started(String what, long totalBytes, int files);

    /**
     * More bytes have moved.
     *
     * @param bytes how many since the last call; positive
     */
    void advanced(long bytes);

    /**
     * The transfer has ended.
     *
     * @param succeeded false when it failed (the error follows from the method that ran it)
     */
    void finished(boolean succeeded);
}
