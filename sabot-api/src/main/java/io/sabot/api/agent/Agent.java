package io.sabot.api.agent;

/**
 * The body of an agent: iterates its input stream until the stream ends or the agent is stopped.
 *
 * <p>Returning is a normal exit; throwing is a failure that the agent's supervisor handles. Each step of the
 * iteration is a runtime hook (see {@link AgentStream}), so an agent needs no code for checkpoints, stop requests,
 * counting or throttling.
 *
 * @param <T> the type of the events on the agent's inputs
 */
@FunctionalInterface
public interface Agent<T> {

    /**
     * Runs the agent.
     *
     * @param stream  the agent's input events; iterate it once
     * @param context emits events, reads and writes state
     * @throws Exception any failure; the event being processed is handed to the dead-letter handler and the agent's
     *                   supervisor decides what happens next
     */
    void run(AgentStream<T> stream, AgentContext context) throws Exception;
}
