package io.sabot.api.agent;

/**
 * Receives the events that were being processed when their agent failed.
 *
 * <p>Thread-safety: called on the failing agent's thread; several agents may call it at once. An exception it
 * throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface DeadLetterHandler {

    /**
     * Handles one dead letter.
     *
     * @param letter the event and why it failed
     */
    void handle(DeadLetter letter);
}
