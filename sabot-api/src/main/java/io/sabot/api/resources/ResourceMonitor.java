package io.sabot.api.resources;

import java.util.List;
import java.util.Map;

/**
 * The resource monitor as the runtime sees it: the latest figures, for the worker's {@code /agents} output and for
 * {@code sabot status}.
 *
 * <p>Thread-safety: implementations must be thread-safe; the getters return the results of the last completed
 * pass and never wait for a pass.
 */
public interface ResourceMonitor extends AutoCloseable {

    /**
     * Starts monitoring the given agents at the monitor's interval.
     *
     * @param agents the runtime's agents
     */
    void start(MonitoredAgents agents);

    /**
     * Sets the limits to enforce, replacing any set before; they take effect at the next pass. The runtime calls
     * this with the limits declared in the app and those given to the worker.
     *
     * @param agentLimits limits per agent id (agent-scoped kinds only)
     * @param workerLimits limits of the whole worker (worker-scoped kinds only)
     * @throws IllegalArgumentException if a limit is given the wrong scope
     */
    void limits(Map<String, List<ResourceLimit>> agentLimits, List<ResourceLimit> workerLimits);

    /** {@return each agent's figures from the last pass, by agent id} */
    Map<String, AgentUsage> agentUsages();

    /** {@return the process, system and JVM samples of the last pass} */
    List<ResourceSample> samples();

    /** Stops monitoring; idempotent. */
    @Override
    void close();
}
