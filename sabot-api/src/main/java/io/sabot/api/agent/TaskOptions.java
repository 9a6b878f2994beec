package io.sabot.api.agent;

import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.Shutdown;

/**
 * Options of a declared agent or source. Defaults: {@link RestartPolicy#PERMANENT}, {@link Shutdown#DEFAULT_WORKER},
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
}
