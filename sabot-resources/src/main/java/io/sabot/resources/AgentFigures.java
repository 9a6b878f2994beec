package io.sabot.resources;

import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.Reading;
import java.util.Objects;

/**
 * What {@link AgentAccounting} measured of one agent in one pass, before limits and backpressure are applied.
 * Immutable.
 *
 * @param agentId             the agent
 * @param cpuRatio            share of one core its thread used since the previous pass (0..1)
 * @param allocatedBytes      bytes its current thread has allocated since that thread started
 * @param allocatedSinceLast  bytes allocated since the previous pass, for the allocation counter; zero or more
 * @param stateBytes          the encoded size of its state at its last snapshot
 * @param inputDepth          events waiting in its input channels
 * @param inputCapacity       the capacity of its input channels
 * @param backpressuredRatio  share of the time since the previous pass it spent blocked on a full output channel
 *                            (0..1; 0 on the first pass)
 */
public record AgentFigures(String agentId, Reading cpuRatio, Reading allocatedBytes, long allocatedSinceLast,
                           Reading stateBytes, long inputDepth, long inputCapacity, double backpressuredRatio) {

    /**
     * Creates the record, validating its components.
     *
     * @param agentId the agent
     * @param cpuRatio share of one core
     * @param allocatedBytes bytes allocated by the current thread
     * @param allocatedSinceLast bytes allocated since the previous pass
     * @param stateBytes state size
     * @param inputDepth events waiting
     * @param inputCapacity input capacity
     * @param backpressuredRatio share of time blocked
     */
    public AgentFigures {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(cpuRatio, "cpuRatio");
        Objects.requireNonNull(allocatedBytes, "allocatedBytes");
        Objects.requireNonNull(stateBytes, "stateBytes");
        if (allocatedSinceLast < 0) {
            throw new IllegalArgumentException("allocated bytes since the last pass must be zero or more, got "
                    + allocatedSinceLast);
        }
    }

    /**
     * The figure an agent limit of the given kind is compared with.
     *
     * @param kind an agent-scoped kind
     * @return the CPU ratio, the state bytes or the input depth; unavailable for worker kinds
     */
    public Reading figure(LimitKind kind) {
        switch (kind) {
            case AGENT_CPU:
                return cpuRatio;
            case AGENT_STATE_BYTES:
                return stateBytes;
            case AGENT_INPUT_DEPTH:
                return Reading.of(inputDepth);
            default:
                return Reading.unavailable(kind + " is a worker limit, not measured per agent");
        }
    }
}
