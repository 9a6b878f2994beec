package io.sabot.runtime.app;

import io.sabot.api.Ids;
import io.sabot.api.agent.Agent;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.DeadLetterHandler;
import io.sabot.api.agent.GroupOptions;
import io.sabot.api.agent.Source;
import io.sabot.api.agent.TaskOptions;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.supervision.Backoff;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.Shutdown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The runtime's {@link AppBuilder}: records what an app declares and {@link #build() builds} the validated
 * {@link AppModel}. Mistakes that can be seen at once (a duplicate name, an undeclared channel) fail at the
 * declaration; those that need the whole app (an unknown group, two readers of a channel, a cycle) fail in
 * {@link #build()}. Every message names the parts involved and what to do.
 *
 * <p>Thread-safety: not thread-safe; used only during {@link io.sabot.api.agent.App#configure}.
 */
public final class AppModelBuilder implements AppBuilder {

    private final String appId;
    private final AppSettings settings;
    private final Map<String, ChannelRef<?>> channels = new LinkedHashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private DeadLetterHandler deadLetters = new LoggingDeadLetterHandler();

    /**
     * Creates a builder.
     *
     * @param appId    the app's id; a valid identifier
     * @param settings where {@link #setting(String)} reads from
     */
    public AppModelBuilder(String appId, AppSettings settings) {
        this.appId = Ids.requireValid("app id", appId);
        this.settings = Objects.requireNonNull(settings, "settings");
        groups.put(AppModel.DEFAULT_GROUP, new Group(AppModel.DEFAULT_GROUP));
    }

    @Override
    public <T> ChannelRef<T> channel(String name, Class<T> type) {
        return channel(name, type, ChannelRef.DEFAULT_CAPACITY);
    }

    @Override
    public <T> ChannelRef<T> channel(String name, Class<T> type, int capacity) {
        ChannelRef<T> ref = new ChannelRef<>(name, type, capacity);
        if (channels.containsKey(name)) {
            throw new IllegalArgumentException("app '" + appId + "': channel '" + name + "' is declared twice; "
                    + "declare each channel once and pass the returned reference around");
        }
        channels.put(name, ref);
        return ref;
    }

    @Override
    public <T> TaskOptions source(String name, ChannelRef<T> output, Supplier<? extends Source<T>> factory) {
        Ids.requireValid("source name", name);
        Objects.requireNonNull(factory, () -> "source '" + name + "': factory must not be null");
        requireDeclared("source '" + name + "'", output);
        Task task = newTask(name, true);
        task.outputs.add(output);
        task.factory = factory;
        return task;
    }

    @Override
    public <T> TaskOptions agent(String id, ChannelRef<T> input, Agent<T> body) {
        return agent(id, List.<ChannelRef<? extends T>>of(Objects.requireNonNull(input,
                () -> "agent '" + id + "': input channel must not be null")), body);
    }

    @Override
    public <T> TaskOptions agent(String id, List<ChannelRef<? extends T>> inputs, Agent<T> body) {
        Ids.requireValid("agent id", id);
        Objects.requireNonNull(inputs, () -> "agent '" + id + "': inputs must not be null");
        Objects.requireNonNull(body, () -> "agent '" + id + "': body must not be null");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("agent '" + id + "' must read at least one channel; "
                    + "to produce events without input, declare a source");
        }
        Set<String> seen = new HashSet<>();
        for (ChannelRef<?> input : inputs) {
            requireDeclared("agent '" + id + "'", input);
            if (!seen.add(input.name())) {
                throw new IllegalArgumentException("agent '" + id + "' lists input channel '" + input.name()
                        + "' twice");
            }
        }
        Task task = newTask(id, false);
        task.inputs.addAll(inputs);
        task.body = body;
        return task;
    }

    private Task newTask(String name, boolean source) {
        Task existing = tasks.get(name);
        if (existing != null) {
            throw new IllegalArgumentException("app '" + appId + "': the name '" + name + "' is already used by "
                    + (existing.source ? "a source" : "an agent") + "; sources and agents need distinct names");
        }
        Task task = new Task(name, source);
        tasks.put(name, task);
        return task;
    }

    private void requireDeclared(String who, ChannelRef<?> ref) {
        Objects.requireNonNull(ref, () -> who + ": channel must not be null");
        ChannelRef<?> declared = channels.get(ref.name());
        if (declared == null) {
            throw new IllegalArgumentException(who + " uses channel '" + ref.name()
                    + "', which was not declared; declare it first with app.channel(...)");
        }
        if (!declared.equals(ref)) {
            throw new IllegalArgumentException(who + " uses channel '" + ref.name() + "' with type or capacity "
                    + "other than declared (" + declared.type().getName() + ", " + declared.capacity()
                    + "); use the reference app.channel(...) returned");
        }
    }

    @Override
    public GroupOptions group(String name) {
        Ids.requireValid("group name", name);
        return groups.computeIfAbsent(name, Group::new);
    }

    @Override
    public void deadLetters(DeadLetterHandler handler) {
        this.deadLetters = Objects.requireNonNull(handler, "dead-letter handler must not be null");
    }

    @Override
    public Optional<String> setting(String key) {
        return settings.get(key);
    }

    /**
     * Validates everything declared and builds the model.
     *
     * @return the model
     * @throws IllegalArgumentException if a group is unknown, a channel has two readers or two writers, or the
     *                                  tasks form a cycle
     */
    public AppModel build() {
        Map<String, String> readers = new HashMap<>();
        Map<String, String> writers = new HashMap<>();
        for (Task task : tasks.values()) {
            if (!groups.containsKey(task.group)) {
                throw new IllegalArgumentException((task.source ? "source '" : "agent '") + task.name
                        + "' is placed in group '" + task.group + "', which was not declared; declare it with "
                        + "app.group(\"" + task.group + "\")");
            }
            for (ChannelRef<?> in : task.inputs) {
                String other = readers.putIfAbsent(in.name(), task.name);
                if (other != null) {
                    throw new IllegalArgumentException("channel '" + in.name() + "' is read by both agents '" + other
                            + "' and '" + task.name + "'; a channel has one reader: declare a channel per reader");
                }
            }
            for (ChannelRef<?> out : task.outputs) {
                String other = writers.putIfAbsent(out.name(), task.name);
                if (other != null) {
                    throw new IllegalArgumentException("channel '" + out.name() + "' is written by both '" + other
                            + "' and '" + task.name + "'; a channel has one writer, so checkpoint barriers stay in "
                            + "order: give each writer its own channel and read them together with "
                            + "app.agent(id, List.of(a, b), body)");
                }
            }
        }
        checkAcyclic(readers);
        List<SourceSpec> sources = new ArrayList<>();
        List<AgentSpec> agents = new ArrayList<>();
        for (Task task : tasks.values()) {
            TaskSettings ts = new TaskSettings(task.restart, task.shutdown, task.limits, task.group);
            if (task.source) {
                sources.add(new SourceSpec(task.name, task.outputs.get(0), task.factory, ts));
            } else {
                agents.add(new AgentSpec(task.name, task.inputs, task.outputs, task.body, ts));
            }
        }
        Map<String, GroupSpec> groupSpecs = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            groupSpecs.put(g.name, new GroupSpec(g.name, Optional.ofNullable(g.strategy),
                    Optional.ofNullable(g.intensity), g.backoff));
        }
        return new AppModel(appId, channels, sources, agents, groupSpecs, deadLetters);
    }

    private void checkAcyclic(Map<String, String> readers) {
        Map<String, Integer> state = new HashMap<>();
        for (String name : tasks.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycleFrom(name, readers, state, path)) {
                throw new IllegalArgumentException("app '" + appId + "': the tasks form a cycle " + String.join(
                        " -> ", path) + "; checkpoint barriers cannot flow around a cycle, so break it");
            }
        }
    }

    private boolean cycleFrom(String name, Map<String, String> readers, Map<String, Integer> state,
                              List<String> path) {
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return false;
        }
        path.add(name);
        if (s != null) {
            return true;
        }
        state.put(name, 1);
        for (ChannelRef<?> out : tasks.get(name).outputs) {
            String reader = readers.get(out.name());
            if (reader != null && cycleFrom(reader, readers, state, path)) {
                return true;
            }
        }
        state.put(name, 2);
        path.remove(path.size() - 1);
        return false;
    }

    /** A declared source or agent, with its options. */
    private final class Task implements TaskOptions {
        final String name;
        final boolean source;
        final List<ChannelRef<?>> inputs = new ArrayList<>();
        final List<ChannelRef<?>> outputs = new ArrayList<>();
        Supplier<? extends Source<?>> factory;
        Agent<?> body;
        RestartPolicy restart = RestartPolicy.TRANSIENT;
        Shutdown shutdown = Shutdown.DEFAULT_WORKER;
        final List<ResourceLimit> limits = new ArrayList<>();
        String group = AppModel.DEFAULT_GROUP;

        Task(String name, boolean source) {
            this.name = name;
            this.source = source;
        }

        @Override
        public TaskOptions restart(RestartPolicy policy) {
            this.restart = Objects.requireNonNull(policy, () -> name + ": restart policy must not be null");
            return this;
        }

        @Override
        public TaskOptions shutdown(Shutdown value) {
            this.shutdown = Objects.requireNonNull(value, () -> name + ": shutdown must not be null");
            return this;
        }

        @Override
        public TaskOptions limit(ResourceLimit limit) {
            Objects.requireNonNull(limit, () -> name + ": limit must not be null");
            if (limit.kind().scope() != LimitKind.Scope.AGENT) {
                throw new IllegalArgumentException(name + ": " + limit.kind() + " is a worker limit, not an agent "
                        + "limit; set it on the worker");
            }
            for (ResourceLimit l : limits) {
                if (l.kind() == limit.kind()) {
                    throw new IllegalArgumentException(name + ": " + limit.kind() + " is already limited");
                }
            }
            limits.add(limit);
            return this;
        }

        @Override
        public TaskOptions inGroup(String groupName) {
            this.group = Ids.requireValid("group name", groupName);
            return this;
        }

        @Override
        public TaskOptions emitsTo(ChannelRef<?>... channels) {
            if (source) {
                throw new IllegalArgumentException("source '" + name + "' emits to the channel it was declared "
                        + "with; emitsTo is for agents");
            }
            for (ChannelRef<?> c : channels) {
                requireDeclared("agent '" + name + "'", c);
                if (outputs.stream().noneMatch(o -> o.name().equals(c.name()))) {
                    outputs.add(c);
                }
            }
            return this;
        }
    }

    /** A declared group, with its options. */
    private static final class Group implements GroupOptions {
        final String name;
        String strategy;
        RestartIntensity intensity;
        Backoff backoff = Backoff.NONE;

        Group(String name) {
            this.name = name;
        }

        @Override
        public GroupOptions strategy(String strategyName) {
            this.strategy = Ids.requireValid("strategy name", strategyName);
            return this;
        }

        @Override
        public GroupOptions intensity(RestartIntensity value) {
            this.intensity = Objects.requireNonNull(value, "intensity must not be null");
            return this;
        }

        @Override
        public GroupOptions backoff(Backoff value) {
            this.backoff = Objects.requireNonNull(value, "backoff must not be null");
            return this;
        }
    }
}
