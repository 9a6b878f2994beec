package io.sabot.runtime;

import io.sabot.api.agent.ChannelRef;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.resources.MonitoredAgents;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.runtime.agent.AgentTask;
import io.sabot.runtime.agent.SourceTask;
import io.sabot.runtime.agent.TaskServices;
import io.sabot.runtime.app.AgentSpec;
import io.sabot.runtime.app.AppModel;
import io.sabot.runtime.app.SourceSpec;
import io.sabot.runtime.app.TaskSettings;
import io.sabot.runtime.channel.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An app's running parts, built from its {@link AppModel}: one {@link Channel} per declared channel, one
 * {@link SourceTask} per source and one {@link AgentTask} per agent, wired together, with the
 * {@link ChildSpec}s a supervisor runs them by.
 *
 * <p>Children of a group are listed agents first, then sources, each in declaration order: a supervisor starts them
 * in that order (readers before writers) and stops them in reverse (sources first, so the agents drain).
 *
 * <p>Thread-safety: immutable after creation; the tasks and channels are thread-safe.
 */
public final class TaskGraph {

    private final AppModel model;
    private final Map<String, Channel<?>> channels = new LinkedHashMap<>();
    private final Map<String, SourceTask> sources = new LinkedHashMap<>();
    private final Map<String, AgentTask> agents = new LinkedHashMap<>();

    private TaskGraph(AppModel model, TaskServices services) {
        this.model = model;
        for (ChannelRef<?> ref : model.channels().values()) {
            Channel<?> channel = new Channel<>(ref.name(), ref.capacity(), services.nanoTime());
            channels.put(ref.name(), channel);
            services.metrics().gauge(StandardMetrics.CHANNEL_DEPTH, channel::depth, ref.name());
            services.metrics().gauge(StandardMetrics.CHANNEL_CAPACITY, channel::capacity, ref.name());
        }
        TaskServices withHandler = services.withDeadLetters(model.deadLetters());
        for (SourceSpec s : model.sources()) {
            sources.put(s.name(), new SourceTask(s.name(), channels.get(s.output().name()), s.output().type(),
                    s.factory(), withHandler));
        }
        for (AgentSpec a : model.agents()) {
            List<Channel<?>> in = new ArrayList<>();
            a.inputs().forEach(c -> in.add(channels.get(c.name())));
            Map<String, Channel<?>> out = new LinkedHashMap<>();
            a.outputs().forEach(c -> out.put(c.name(), channels.get(c.name())));
            agents.put(a.id(), new AgentTask(a.id(), in, out, a.body(), withHandler));
        }
    }

    /**
     * Builds the running parts of an app.
     *
     * @param model    the validated app
     * @param services what the tasks share; its dead-letter handler is replaced by the app's
     * @return the graph
     */
    public static TaskGraph create(AppModel model, TaskServices services) {
        return new TaskGraph(Objects.requireNonNull(model, "model"), Objects.requireNonNull(services, "services"));
    }

    /** {@return the app} */
    public AppModel model() {
        return model;
    }

    /** {@return the channels by name} */
    public Map<String, Channel<?>> channels() {
        return java.util.Collections.unmodifiableMap(channels);
    }

    /** {@return the source tasks, in declaration order} */
    public List<SourceTask> sources() {
        return List.copyOf(sources.values());
    }

    /** {@return the agent tasks, in declaration order} */
    public List<AgentTask> agents() {
        return List.copyOf(agents.values());
    }

    /**
     * Finds a source's task.
     *
     * @param name the source's name
     * @return its task
     */
    public Optional<SourceTask> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /**
     * Finds an agent's task.
     *
     * @param id the agent's id
     * @return its task
     */
    public Optional<AgentTask> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    /**
     * The child specs of a supervision group: its agents then its sources, each with its restart policy and
     * shutdown, and the attribute {@code group}.
     *
     * @param group the group's name
     * @return the specs, in start order
     */
    public List<ChildSpec> childSpecs(String group) {
        List<ChildSpec> specs = new ArrayList<>();
        for (AgentSpec a : model.agents()) {
            if (a.settings().group().equals(group)) {
                specs.add(spec(a.id(), agents.get(a.id()).childFactory(), a.settings()));
            }
        }
        for (SourceSpec s : model.sources()) {
            if (s.settings().group().equals(group)) {
                specs.add(spec(s.name(), sources.get(s.name()).childFactory(), s.settings()));
            }
        }
        return specs;
    }

    private static ChildSpec spec(String id, io.sabot.api.supervision.ChildFactory factory, TaskSettings settings) {
        return ChildSpec.worker(id, factory).restart(settings.restart()).shutdown(settings.shutdown())
                .attribute("group", settings.group()).build();
    }

    /**
     * Empties channels: used when a consistent region restarts from a checkpoint.
     *
     * @param names the channels' names
     * @return how many elements were dropped in total
     */
    public int resetChannels(Collection<String> names) {
        int dropped = 0;
        for (String name : names) {
            Channel<?> channel = channels.get(name);
            if (channel == null) {
                throw new IllegalArgumentException("no channel '" + name + "' in app '" + model.appId() + "'");
            }
            dropped += channel.reset();
        }
        return dropped;
    }

    /**
     * Prepares a consistent region (a ONE_FOR_ALL group) to restart from a checkpoint, once all its tasks have
     * stopped: empties the channels its agents read and makes its tasks forget that they finished, so that the
     * restarted tasks restore their state and positions from the checkpoint and replay exactly what followed it.
     * A channel read by an agent of the region but written from outside it is emptied too: its writer's events
     * since the checkpoint are lost to the region unless that writer restarts with it, so a region should contain
     * its writers.
     *
     * @param group the group's name
     * @return how many waiting elements were dropped
     */
    public int resetForRecovery(String group) {
        List<String> members = model.members(group);
        List<String> inputs = new ArrayList<>();
        for (AgentSpec a : model.agents()) {
            if (members.contains(a.id())) {
                a.inputs().forEach(c -> inputs.add(c.name()));
                agents.get(a.id()).resetForRecovery();
            }
        }
        for (SourceSpec s : model.sources()) {
            if (members.contains(s.name())) {
                sources.get(s.name()).resetForRecovery();
            }
        }
        return resetChannels(inputs);
    }

    /** {@return every source and agent, for the resource monitor} */
    public MonitoredAgents monitoredAgents() {
        List<MonitoredAgent> all = new ArrayList<>(sources.values());
        all.addAll(agents.values());
        List<MonitoredAgent> snapshot = List.copyOf(all);
        return () -> snapshot;
    }
}
