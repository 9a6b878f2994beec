package io.sabot.api.resources;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a {@link ResourceLimit} limits, with its scope, its unit and the actions that make sense for it.
 */
public enum LimitKind {
    /** An agent's CPU use, as a share of one core (0..1]. */
    AGENT_CPU(Scope.AGENT, "ratio of one core", EnumSet.allOf(LimitAction.class)),
    /** The encoded size of an agent's state, in bytes. */
    AGENT_STATE_BYTES(Scope.AGENT, "bytes", EnumSet.of(LimitAction.WARN, LimitAction.RESTART, LimitAction.STOP)),
    /** Events waiting in an agent's input channels. */
    AGENT_INPUT_DEPTH(Scope.AGENT, "events", EnumSet.of(LimitAction.WARN)),
    /** The worker process's resident memory, in bytes. */
    WORKER_MEMORY_BYTES(Scope.WORKER, "bytes", EnumSet.of(LimitAction.WARN, LimitAction.STOP)),
    /** The worker JVM's used heap, in bytes. */
    WORKER_HEAP_BYTES(Scope.WORKER, "bytes", EnumSet.of(LimitAction.WARN, LimitAction.STOP)),
    /** The worker process's CPU use, as a share of all the machine's cores (0..1]. */
    WORKER_CPU(Scope.WORKER, "ratio of all cores", EnumSet.of(LimitAction.WARN));

    /** Whether a limit applies to each agent or to the whole worker. */
    public enum Scope {
        /** Measured and enforced per agent. */
        AGENT,
        /** Measured and enforced for the worker process. */
        WORKER
    }

    private final Scope scope;
    private final String unit;
    private final Set<LimitAction> actions;

    LimitKind(Scope scope, String unit, Set<LimitAction> actions) {
        this.scope = scope;
        this.unit = unit;
        this.actions = actions;
    }

    /** {@return whether the limit is per agent or per worker} */
    public Scope scope() {
        return scope;
    }

    /** {@return the unit of the threshold, in words} */
    public String unit() {
        return unit;
    }

    /** {@return the actions allowed for this kind} */
    public Set<LimitAction> allowedActions() {
        return EnumSet.copyOf(actions);
    }

    /** {@return true if the threshold is a ratio that cannot exceed 1} */
    public boolean isRatio() {
        return this == AGENT_CPU || this == WORKER_CPU;
    }
}
