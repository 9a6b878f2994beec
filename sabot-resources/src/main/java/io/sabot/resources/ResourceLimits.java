package io.sabot.resources;

import io.sabot.api.Ids;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The limits a worker enforces: limits for named agents, limits for every agent, and limits for the worker as a
 * whole. This is what the runtime hands the monitor, merged from the app builder and the worker's configuration.
 *
 * <p>An agent's limits ({@link #forAgent(String)}) are its own, plus each every-agent limit whose kind its own
 * limits do not mention: an agent's own CPU limit replaces the every-agent CPU limit, but not the every-agent state
 * limit. Several limits of one kind may apply with different actions, for example WARN at 50% of a core and THROTTLE
 * at 80%; the same kind and action twice in one list is an error.
 *
 * <p>Default: no limits ({@link #NONE}). Immutable and thread-safe.
 */
public final class ResourceLimits {

    /** No limits at all. */
    public static final ResourceLimits NONE = builder().build();

    private final Map<String, List<ResourceLimit>> agents;
    private final List<ResourceLimit> everyAgent;
    private final List<ResourceLimit> worker;

    private ResourceLimits(Builder builder) {
        this.everyAgent = List.copyOf(builder.everyAgent);
        this.worker = List.copyOf(builder.worker);
        Map<String, List<ResourceLimit>> merged = new LinkedHashMap<>();
        builder.agents.forEach((id, own) -> merged.put(id, merge(own, everyAgent)));
        this.agents = Map.copyOf(merged);
    }

    private static List<ResourceLimit> merge(List<ResourceLimit> own, List<ResourceLimit> defaults) {
        Set<LimitKind> ownKinds = EnumSet.noneOf(LimitKind.class);
        own.forEach(limit -> ownKinds.add(limit.kind()));
        List<ResourceLimit> all = new ArrayList<>(own);
        for (ResourceLimit limit : defaults) {
            if (!ownKinds.contains(limit.kind())) {
                all.add(limit);
            }
        }
        return List.copyOf(all);
    }

    /** {@return a builder with no limits} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these limits, to add to them} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.everyAgent.addAll(everyAgent);
        b.worker.addAll(worker);
        agents.forEach((id, limits) -> {
            List<ResourceLimit> own = new ArrayList<>(limits);
            own.removeIf(everyAgent::contains);
            b.agents.put(id, own);
        });
        return b;
    }

    /**
     * The limits of one agent.
     *
     * @param agentId the agent's id
     * @return its own limits plus the every-agent limits of other kinds; empty if none apply
     */
    public List<ResourceLimit> forAgent(String agentId) {
        List<ResourceLimit> own = agents.get(agentId);
        return own != null ? own : everyAgent;
    }

    /** {@return the limits set for every agent} */
    public List<ResourceLimit> everyAgent() {
        return everyAgent;
    }

    /** {@return the limits of the worker as a whole} */
    public List<ResourceLimit> worker() {
        return worker;
    }

    /** {@return the ids of the agents with limits of their own} */
    public Set<String> agentsWithOwnLimits() {
        return agents.keySet();
    }

    /** {@return true if no limit is set} */
    public boolean isEmpty() {
        return agents.isEmpty() && everyAgent.isEmpty() && worker.isEmpty();
    }

    @Override
    public String toString() {
        return "ResourceLimits[agents=" + agents + ", everyAgent=" + everyAgent + ", worker=" + worker + "]";
    }

    /** Builds {@link ResourceLimits}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<ResourceLimit>> agents = new LinkedHashMap<>();
        private final List<ResourceLimit> everyAgent = new ArrayList<>();
        private final List<ResourceLimit> worker = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds limits for one agent.
         *
         * @param agentId the agent's id
         * @param limits  agent-scoped limits ({@link LimitKind.Scope#AGENT})
         * @return this builder
         * @throws IllegalArgumentException if the id is invalid, a limit is a worker limit, or a kind and action
         *                                  repeat
         */
        public Builder agent(String agentId, ResourceLimit... limits) {
            Ids.requireValid("agent id", agentId);
            List<ResourceLimit> own = agents.computeIfAbsent(agentId, id -> new ArrayList<>());
            add(own, LimitKind.Scope.AGENT, "agent '" + agentId + "'", limits);
            return this;
        }

        /**
         * Adds limits that apply to every agent, unless an agent has its own limit of the same kind.
         *
         * @param limits agent-scoped limits
         * @return this builder
         * @throws IllegalArgumentException if a limit is a worker limit, or a kind and action repeat
         */
        public Builder everyAgent(ResourceLimit... limits) {
            add(everyAgent, LimitKind.Scope.AGENT, "every agent", limits);
            return this;
        }

        /**
         * Adds limits of the worker as a whole.
         *
         * @param limits worker-scoped limits ({@link LimitKind.Scope#WORKER})
         * @return this builder
         * @throws IllegalArgumentException if a limit is an agent limit, or a kind and action repeat
         */
        public Builder worker(ResourceLimit... limits) {
            add(worker, LimitKind.Scope.WORKER, "the worker", limits);
            return this;
        }

        private static void add(List<ResourceLimit> target, LimitKind.Scope scope, String owner,
                                ResourceLimit... limits) {
            Objects.requireNonNull(limits, "limits");
            Set<String> seen = new HashSet<>();
            target.forEach(l -> seen.add(l.kind() + "/" + l.action()));
            for (ResourceLimit limit : Arrays.asList(limits)) {
                Objects.requireNonNull(limit, () -> "a limit for " + owner + " is null");
                if (limit.kind().scope() != scope) {
                    throw new IllegalArgumentException(limit.kind() + " is a " + limit.kind().scope().name()
                            .toLowerCase(java.util.Locale.ROOT) + " limit and cannot be set for " + owner + "; use "
                            + (scope == LimitKind.Scope.AGENT ? "worker(...)" : "agent(...) or everyAgent(...)"));
                }
                if (!seen.add(limit.kind() + "/" + limit.action())) {
                    throw new IllegalArgumentException(owner + " already has a " + limit.kind() + " limit with action "
                            + limit.action() + "; keep one threshold per kind and action");
                }
                target.add(limit);
            }
        }

        /** {@return the limits} */
        public ResourceLimits build() {
            return new ResourceLimits(this);
        }
    }
}
