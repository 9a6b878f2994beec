package io.sabot.runtime.app;

import io.sabot.api.agent.App;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.DeadLetterHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An app's declared parts, validated: its channels, sources, agents, supervision groups and dead-letter handler.
 * Built by {@link AppModelBuilder} from {@link App#configure}.
 *
 * <p>The rules it guarantees: names are unique (channels among channels; sources and agents together, as they are
 * siblings under supervisors and share the {@code agent} metric label); every channel used was declared; every
 * group named exists; a channel has at most one reader and at most one writer (so checkpoint barriers stay in
 * order with the events); the graph of tasks and channels has no cycle. A channel with no reader or no writer is
 * allowed.
 *
 * <p>Immutable.
 */
public final class AppModel {

    /** The name of the group of sources and agents not placed in another group. */
    public static final String DEFAULT_GROUP = "default";

    private final String appId;
    private final Map<String, ChannelRef<?>> channels;
    private final List<SourceSpec> sources;
    private final List<AgentSpec> agents;
    private final Map<String, GroupSpec> groups;
    private final DeadLetterHandler deadLetters;

    AppModel(String appId, Map<String, ChannelRef<?>> channels, List<SourceSpec> sources, List<AgentSpec> agents,
             Map<String, GroupSpec> groups, DeadLetterHandler deadLetters) {
        this.appId = appId;
        this.channels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        this.sources = List.copyOf(sources);
        this.agents = List.copyOf(agents);
        this.groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.deadLetters = deadLetters;
    }

    /**
     * Configures an app and validates what it declared.
     *
     * @param app      the app
     * @param settings where its settings are read from
     * @return the model
     * @throws IllegalArgumentException if the app declares something invalid; the message says what
     */
    public static AppModel of(App app, AppSettings settings) {
        Objects.requireNonNull(app, "app");
        AppModelBuilder builder = new AppModelBuilder(app.id(), settings);
        app.configure(builder);
        return builder.build();
    }

    /** {@return the app's id} */
    public String appId() {
        return appId;
    }

    /** {@return the channels by name, in declaration order} */
    public Map<String, ChannelRef<?>> channels() {
        return channels;
    }

    /** {@return the sources, in declaration order} */
    public List<SourceSpec> sources() {
        return sources;
    }

    /** {@return the agents, in declaration order} */
    public List<AgentSpec> agents() {
        return agents;
    }

    /**
     * The supervision groups by name: the {@value #DEFAULT_GROUP} group first, then the others in declaration order.
     *
     * @return the groups
     */
    public Map<String, GroupSpec> groups() {
        return groups;
    }

    /** {@return the handler of dead letters} */
    public DeadLetterHandler deadLetters() {
        return deadLetters;
    }

    /**
     * Finds the agent reading a channel.
     *
     * @param channel the channel's name
     * @return the reading agent, if any
     */
    public Optional<AgentSpec> readerOf(String channel) {
        return agents.stream().filter(a -> a.inputs().stream().anyMatch(c -> c.name().equals(channel))).findFirst();
    }

    /**
     * Names the task (source or agent) writing a channel.
     *
     * @param channel the channel's name
     * @return the writer's name, if any
     */
    public Optional<String> writerOf(String channel) {
        for (SourceSpec s : sources) {
            if (s.output().name().equals(channel)) {
                return Optional.of(s.name());
            }
        }
        for (AgentSpec a : agents) {
            if (a.outputs().stream().anyMatch(c -> c.name().equals(channel))) {
                return Optional.of(a.id());
            }
        }
        return Optional.empty();
    }

    /**
     * The names of the sources and agents of a group, sources first, each in declaration order.
     *
     * @param group the group's name
     * @return the members
     */
    public List<String> members(String group) {
        List<String> out = new ArrayList<>();
        sources.stream().filter(s -> s.settings().group().equals(group)).forEach(s -> out.add(s.name()));
        agents.stream().filter(a -> a.settings().group().equals(group)).forEach(a -> out.add(a.id()));
        return out;
    }
}
