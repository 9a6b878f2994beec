package io.sabot.runtime.agent;

import io.sabot.api.agent.AgentContext;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.state.MapState;
import io.sabot.api.state.StateCodec;
import io.sabot.api.state.ValueState;
import io.sabot.runtime.channel.Channel;
import io.sabot.runtime.state.StateBackend;

/** The runtime's {@link AgentContext}: emits through the agent's declared outputs and hands out its states. */
final class AgentContextImpl implements AgentContext {

    private final AgentTask task;
    private final StateBackend backend;
    private ChannelRef<?> lastRef;
    private Channel<Object> lastChannel;

    AgentContextImpl(AgentTask task, StateBackend backend) {
        this.task = task;
        this.backend = backend;
    }

    @Override
    public String agentId() {
        return task.id;
    }

    @Override
    public int restarts() {
        return task.restarts();
    }

    @Override
    public <T> void emit(ChannelRef<T> channel, T event) throws InterruptedException {
        Channel<Object> target = channel == lastRef ? lastChannel : lookup(channel);
        if (!channel.type().isInstance(event)) {
            throw new IllegalArgumentException("agent '" + task.id + "' emitted a "
                    + (event == null ? "null" : event.getClass().getName()) + " to channel '" + channel.name()
                    + "', which carries " + channel.type().getName());
        }
        target.put(event, task.blockedTime);
    }

    @SuppressWarnings("unchecked")
    private Channel<Object> lookup(ChannelRef<?> ref) {
        Channel<?> found = task.output(ref.name());
        if (found == null) {
            throw new IllegalArgumentException("agent '" + task.id + "' emitted to channel '" + ref.name()
                    + "', which it did not declare as an output; add .emitsTo(" + ref.name()
                    + "Channel) to the agent's declaration");
        }
        lastRef = ref;
        lastChannel = (Channel<Object>) found;
        return lastChannel;
    }

    @Override
    public <T> ValueState<T> valueState(String name, Class<T> type) {
        return backend.valueState(name, type);
    }

    @Override
    public <T> ValueState<T> valueState(String name, StateCodec<T> codec) {
        return backend.valueState(name, codec);
    }

    @Override
    public <K, V> MapState<K, V> mapState(String name, Class<K> keyType, Class<V> valueType) {
        return backend.mapState(name, keyType, valueType);
    }

    @Override
    public <K, V> MapState<K, V> mapState(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        return backend.mapState(name, keyCodec, valueCodec);
    }

    @Override
    public Metrics metrics() {
        return task.services.metrics();
    }
}
