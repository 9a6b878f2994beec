package io.sabot.runtime.worker;

import io.sabot.api.resources.AgentUsage;
import java.util.Optional;

/**
 * One agent or source as the worker's {@code /agents} reports it.
 *
 * @param id              the task's id
 * @param kind            {@code agent} or {@code source}
 * @param group           its supervision group
 * @param state           its supervisor's view: STARTING, RUNNING, RESTARTING, TERMINATED or STUCK
 * @param restarts        restarts so far
 * @param lastFailure     the last failure, one line; empty if none
 * @param eventsProcessed events processed (agents) or emitted (sources) since the worker started
 * @param inputDepth      events waiting in its input channels
 * @param stateBytes      the size of its state at its last snapshot; empty if not known yet
 * @param usage           its resource figures and backpressure from the resource monitor; empty without one
 */
public record AgentStatus(String id, String kind, String group, String state, int restarts,
                          Optional<String> lastFailure, long eventsProcessed, long inputDepth,
                          Optional<Long> stateBytes, Optional<AgentUsage> usage) {
}
