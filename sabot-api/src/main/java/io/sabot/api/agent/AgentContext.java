package io.sabot.api.agent;

import io.sabot.api.metrics.Metrics;
import io.sabot.api.state.MapState;
import io.sabot.api.state.StateCodec;
import io.sabot.api.state.ValueState;

/**
 * What an agent can do besides reading its input: emit events, keep state, record metrics.
 *
 * <p>State handles are restored from the latest completed checkpoint (or the savepoint the worker started from)
 * before the agent's first event, and are snapshotted at every checkpoint. Ask for each handle once, before the
 * loop; asking again for the same name returns the same handle.
 *
 * <p>Thread-safety: confined to the agent's thread.
 */
public interface AgentContext {

    /** {@return the agent's id} */
    String agentId();

    /** {@return how many times this agent has been restarted; 0 on its first run} */
    int restarts();

    /**
     * Emits an event to a channel, blocking while the channel is full. The time spent blocked is measured as this
     * agent's backpressure.
     *
     * @param channel the channel, declared on the app's builder
     * @param event   the event; not null
     * @param <T>     the event type
     * @throws InterruptedException if the agent's thread is interrupted while blocked
     */
    <T> void emit(ChannelRef<T> channel, T event) throws InterruptedException;

    /**
     * The value state of the given name, with the runtime's default codec for the type (JSON).
     *
     * @param name a valid identifier, unique among this agent's states
     * @param type the value's class
     * @param <T>  the value type
     * @return the state handle
     */
    <T> ValueState<T> valueState(String name, Class<T> type);

    /**
     * The value state of the given name, with an explicit codec.
     *
     * @param name  a valid identifier, unique among this agent's states
     * @param codec encodes the value in snapshots
     * @param <T>   the value type
     * @return the state handle
     */
    <T> ValueState<T> valueState(String name, StateCodec<T> codec);

    /**
     * The map state of the given name, with the runtime's default codecs (JSON).
     *
     * @param name      a valid identifier, unique among this agent's states
     * @param keyType   the keys' class
     * @param valueType the values' class
     * @param <K>       the key type
     * @param <V>       the value type
     * @return the state handle
     */
    <K, V> MapState<K, V> mapState(String name, Class<K> keyType, Class<V> valueType);

    /**
     * The map state of the given name, with explicit codecs.
     *
     * @param name       a valid identifier, unique among this agent's states
     * @param keyCodec   encodes keys
     * @param valueCodec encodes values
     * @param <K>        the key type
     * @param <V>        the value type
     * @return the state handle
     */
    <K, V> MapState<K, V> mapState(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec);

    /** {@return the worker's metrics; a no-op facade when no metrics module is installed} */
    Metrics metrics();
}
