package io.sabot.runtime.app;

import io.sabot.api.agent.Agent;
import io.sabot.api.agent.ChannelRef;
import java.util.List;
import java.util.Objects;

/**
 * A declared agent. Immutable.
 *
 * @param id       the agent's id, unique among the app's sources and agents
 * @param inputs   the channels it reads, in declaration order; at least one
 * @param outputs  the channels it may emit to (see {@link io.sabot.api.agent.TaskOptions#emitsTo})
 * @param body     the agent's code
 * @param settings its supervision settings
 */
public record AgentSpec(String id, List<ChannelRef<?>> inputs, List<ChannelRef<?>> outputs, Agent<?> body,
                        TaskSettings settings) {

    /**
     * Creates the spec.
     *
     * @param id       the agent's id
     * @param inputs   the channels it reads
     * @param outputs  the channels it may emit to
     * @param body     the agent's code
     * @param settings its supervision settings
     */
    public AgentSpec {
        Objects.requireNonNull(id, "id");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(settings, "settings");
    }
}
