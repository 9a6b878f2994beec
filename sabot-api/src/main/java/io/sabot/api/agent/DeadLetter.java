package io.sabot.api.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * An event that was being processed when its agent failed. It is counted, handed to the app's
 * {@link DeadLetterHandler} once, and not redelivered to the agent.
 *
 * @param agentId the agent that failed
 * @param channel the channel the event came from
 * @param event   the event
 * @param cause   what the agent threw
 * @param at      when
 */
public record DeadLetter(String agentId, String channel, Object event, Throwable cause, Instant at) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param agentId the agent that failed
     * @param channel the channel the event came from
     * @param event the event
     * @param cause what the agent threw
     * @param at when
     */
    public DeadLetter {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }
}
