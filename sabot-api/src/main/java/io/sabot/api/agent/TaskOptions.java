package io.sabot.api.agent;

import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.Shutdown;

/**
 * Options of a declared agent or source. Defaults: {@link RestartPolicy#TRANSIENT} (a task that fails is restarted;
 * one that finishes - its source exhausted, or all its inputs ended - stays finished), {@link Shutdown#DEFAULT_WORKER},
 * no resource limits, the app's default group.
 *
 * <p>Thread-safety: not thread-safe; valid only during {@link App#configure(AppBuilder)}.
 */
public interface TaskOptions {

    /**
     * Sets the restart policy.
     *
     * @param policy the policy
     * @return these options
     */
    TaskOptions restart(RestartPolicy policy);

    /**
     * Sets how the task is stopped.
     *
     * @param shutdown the shutdown
     * @return these options
     */
    TaskOptions shutdown(Shutdown shutdown);

    /**
     * Adds a resource limit; an agent may have one limit per {@link io.sabot.api.resources.LimitKind}.
     *
     * @param limit an agent-scoped limit
     * @return these options
     * @throws IllegalArgumentException if the limit is not agent-scoped or its kind is already limited
     */
    TaskOptions limit(ResourceLimit limit);

    /**
     * Places the task in a supervision group, declared with {@link AppBuilder#group(String)} before or after.
     *
     * @param group the group's name
     * @return these options
     */
    TaskOptions inGroup(String group);

    /**
     * Declares the channels an agent emits to. Checkpoint barriers are forwarded to exactly these channels, so an
     * agent may only {@link AgentContext#emit emit} to channels declared here, and a channel has at most one writer
     * (a source or an agent). A sink declares none. Not valid for sources, whose output is given when declared.
     *
     * <p>The default throws {@link UnsupportedOperationException}; the runtime's builder implements it.
     *
     * @param channels the channels, declared on the app's builder
     * @return these options
     * @throws IllegalArgumentException if called on a source's options, or with an undeclared channel
     */
    default TaskOptions emitsTo(ChannelRef<?>... channels) {
        throw new UnsupportedOperationException("this app builder does not support declaring outputs");
    }
}
