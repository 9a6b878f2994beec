package io.sabot.api.agent;

/**
 * An agent's input events, merged from all its input channels.
 *
 * <p>Each step of the iteration is a runtime hook: before the next event is handed out, the runtime counts and
 * times the previous one, takes a pending checkpoint snapshot (the previous event is fully processed, so this is a
 * consistent point), honours a stop request (the iteration ends) and applies throttling. {@code hasNext()} blocks
 * until an event arrives or all inputs have ended.
 *
 * <p>Thread-safety: confined to the agent's thread; iterate it once.
 *
 * @param <T> the type of the events
 */
public interface AgentStream<T> extends Iterable<T> {

    /**
     * The name of the channel the event last handed out came from.
     *
     * @return the channel's name, or null before the first event
     */
    String currentChannel();
}
