package io.sabot.api.agent;

/**
 * Produces events into a channel and can resume from a saved {@link SourcePosition}.
 *
 * <p>The runtime calls {@link #open(SourcePosition)} once, then {@link #emitNext(SourceOutput)} repeatedly on the
 * source's own thread. Between two calls the source is at a consistent point: {@link #position()} must then name
 * exactly where the next call continues, because the runtime injects checkpoint barriers there and saves that
 * position with the checkpoint. A restored source opened at that position must emit exactly the events that
 * followed it.
 *
 * <p>Thread-safety: confined to the source's thread.
 *
 * @param <T> the type of the events
 */
public interface Source<T> extends AutoCloseable {

    /**
     * Opens the source.
     *
     * @param position where to start: {@link SourcePosition#START} for a fresh start, or the position saved in the
     *                 checkpoint or savepoint being restored
     * @throws Exception if the source cannot be opened
     */
    void open(SourcePosition position) throws Exception;

    /**
     * Emits the next event or events. May block briefly (for example to hold a rate), but should return at least
     * every 100 ms, so checkpoints and stop requests are not delayed.
     *
     * @param out where to emit
     * @return false when the source is exhausted and will emit nothing more
     * @throws Exception if reading fails; the source's supervisor handles it
     */
    boolean emitNext(SourceOutput<T> out) throws Exception;

    /** {@return where the next {@link #emitNext(SourceOutput)} continues} */
    SourcePosition position();

    /**
     * Releases the source's resources. The default does nothing. A failure here is the source's to log; it cannot
     * fail the source.
     */
    @Override
    default void close() {
    }
}
