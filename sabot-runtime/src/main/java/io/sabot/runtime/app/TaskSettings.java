package io.sabot.runtime.app;

import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.Shutdown;
import java.util.List;
import java.util.Objects;

/**
 * The supervision settings of one declared source or agent. Immutable.
 *
 * @param restart  its restart policy
 * @param shutdown how it is stopped
 * @param limits   its resource limits, at most one per kind
 * @param group    the supervision group it belongs to
 */
public record TaskSettings(RestartPolicy restart, Shutdown shutdown, List<ResourceLimit> limits, String group) {

    /**
     * Creates the settings.
     *
     * @param restart  its restart policy
     * @param shutdown how it is stopped
     * @param limits   its resource limits, at most one per kind
     * @param group    the supervision group it belongs to
     */
    public TaskSettings {
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        limits = List.copyOf(limits);
        Objects.requireNonNull(group, "group");
    }
}
