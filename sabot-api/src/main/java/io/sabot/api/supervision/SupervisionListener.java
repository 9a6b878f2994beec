package io.sabot.api.supervision;

/**
 * Receives a supervisor's {@link SupervisionEvent}s.
 *
 * <p>Thread-safety: called on the supervisor's own thread, in the order the events happened. It must return quickly
 * and must not block or call back into the supervisor; an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface SupervisionListener {

    /**
     * Handles one event.
     *
     * @param event the event
     */
    void onEvent(SupervisionEvent event);
}
