package io.sabot.api.agent;

/**
 * Where a {@link Source} emits its events.
 *
 * <p>Thread-safety: confined to the source's thread.
 *
 * @param <T> the type of the events
 */
@FunctionalInterface
public interface SourceOutput<T> {

    /**
     * Emits an event, blocking while the channel is full.
     *
     * @param event the event; not null
     * @throws InterruptedException if the source's thread is interrupted while blocked
     */
    void emit(T event) throws InterruptedException;
}
