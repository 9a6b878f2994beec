package io.sabot.api.agent;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Declares an app's channels, sources, agents and supervision groups. Passed to {@link App#configure(AppBuilder)}.
 *
 * <p>Names of channels, sources, agents and groups are {@link io.sabot.api.Ids identifiers}; declaring a name twice,
 * or naming a channel or agent that was not declared, fails with an {@link IllegalArgumentException} that says so.
 * Sources and agents each run on their own thread under a supervisor. Agents that are not placed in a
 * {@link #group(String) group} belong to the app's default group, whose strategy the worker chooses
 * ({@code --supervision}).
 *
 * <p>Thread-safety: not thread-safe; valid only during {@code configure}.
 */
public interface AppBuilder {

    /**
     * Declares a channel with the {@link ChannelRef#DEFAULT_CAPACITY default capacity}.
     *
     * @param name the channel's name
     * @param type the class of its events
     * @param <T>  the event type
     * @return the channel, to pass to sources, agents and {@link AgentContext#emit}
     */
    <T> ChannelRef<T> channel(String name, Class<T> type);

    /**
     * Declares a channel.
     *
     * @param name     the channel's name
     * @param type     the class of its events
     * @param capacity how many events it holds before emitters block; 1 or more
     * @param <T>      the event type
     * @return the channel
     */
    <T> ChannelRef<T> channel(String name, Class<T> type, int capacity);

    /**
     * Declares a source that feeds a channel. The factory is called at each (re)start of the source; the runtime
     * then opens the new source at the position of the checkpoint it recovers from.
     *
     * @param name    the source's name
     * @param output  the channel it emits to
     * @param factory creates the source
     * @param <T>     the event type
     * @return options for the source
     */
    <T> TaskOptions source(String name, ChannelRef<T> output, Supplier<? extends Source<T>> factory);

    /**
     * Declares an agent with one input channel.
     *
     * @param id    the agent's id
     * @param input the channel it reads
     * @param body  the agent's code
     * @param <T>   the event type
     * @return options for the agent
     */
    <T> TaskOptions agent(String id, ChannelRef<T> input, Agent<T> body);

    /**
     * Declares an agent that reads several channels; their events are merged into one stream, and checkpoint
     * barriers are aligned across them.
     *
     * @param id     the agent's id
     * @param inputs the channels it reads; at least one
     * @param body   the agent's code
     * @param <T>    a type common to the channels' events
     * @return options for the agent
     */
    <T> TaskOptions agent(String id, List<ChannelRef<? extends T>> inputs, Agent<T> body);

    /**
     * Declares (or returns) a supervision group: the agents and sources in it share one supervisor with its own
     * strategy and restart intensity. A {@code one_for_all} group is a consistent region that restarts from one
     * checkpoint.
     *
     * @param name the group's name
     * @return options for the group
     */
    GroupOptions group(String name);

    /**
     * Sets the handler of events that were being processed when their agent failed. Default: log them.
     *
     * @param handler the handler
     */
    void deadLetters(DeadLetterHandler handler);

    /**
     * Reads an app setting: from the worker's configuration ({@code --set key=value}), then a system property, then
     * an environment variable named after the key in upper case with {@code .} and {@code -} as {@code _}.
     *
     * @param key the setting's name, for example {@code fraud.fault-rate}
     * @return the value, if set anywhere
     */
    Optional<String> setting(String key);
}
