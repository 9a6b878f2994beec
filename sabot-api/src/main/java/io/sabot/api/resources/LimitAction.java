package io.sabot.api.resources;

/** What happens when a {@link ResourceLimit} is exceeded. */
public enum LimitAction {
    /** Log once per episode (until the figure falls back under the limit) and count the violation. */
    WARN,
    /** Slow the agent so that its CPU share holds the limit. Only for {@link LimitKind#AGENT_CPU}. */
    THROTTLE,
    /** Make the agent fail, so its supervisor restarts it under its restart policy and intensity. */
    RESTART,
    /** Stop the agent (or, for a worker limit, the worker) for good. */
    STOP
}
