package io.sabot.api.resources;

import java.time.Instant;
import java.util.Objects;

/**
 * The resource figures of one agent over the monitor's last interval. Immutable.
 *
 * @param agentId             the agent
 * @param at                  when the interval ended
 * @param cpuRatio            the share of one core the agent's thread used (0..1)
 * @param allocatedBytes      bytes the agent's thread has allocated since it started (cumulative)
 * @param stateBytes          the encoded size of the agent's state
 * @param inputDepth          events waiting in its input channels
 * @param backpressuredRatio  the share of the interval the agent spent blocked on a full output channel (0..1)
 * @param backpressure        the backpressure level derived from its limits and flow
 */
public record AgentUsage(String agentId, Instant at, Reading cpuRatio, Reading allocatedBytes, Reading stateBytes,
                         long inputDepth, double backpressuredRatio, BackpressureLevel backpressure) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param agentId the agent
     * @param at when the interval ended
     * @param cpuRatio the share of one core the agent's thread used (0..1)
     * @param allocatedBytes bytes the agent's thread has allocated since it started (cumulative)
     * @param stateBytes the encoded size of the agent's state
     * @param inputDepth events waiting in its input channels
     * @param backpressuredRatio the share of the interval the agent spent blocked on a full output channel (0..1)
     * @param backpressure the backpressure level derived from its limits and flow
     */
    public AgentUsage {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cpuRatio, "cpuRatio");
        Objects.requireNonNull(allocatedBytes, "allocatedBytes");
        Objects.requireNonNull(stateBytes, "stateBytes");
        Objects.requireNonNull(backpressure, "backpressure");
        if (!(backpressuredRatio >= 0.0 && backpressuredRatio <= 1.0)) {
            throw new IllegalArgumentException("backpressured ratio must be between 0 and 1, got " + backpressuredRatio);
        }
        if (inputDepth < 0) {
            throw new IllegalArgumentException("input depth must be zero or more, got " + inputDepth);
        }
    }
}
