package io.sabot.runtime.worker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker's {@code /agents} document.
 *
 * @param app               the app's id
 * @param startedAt         when the worker started
 * @param ready             every agent and source is running
 * @param agents            each agent and source
 * @param channels          each channel's depth and capacity
 * @param latestCheckpoint  the id of the latest completed checkpoint, if any
 */
public record WorkerStatus(String app, Instant startedAt, boolean ready, List<AgentStatus> agents,
                           Map<String, ChannelStatus> channels, Optional<String> latestCheckpoint) {

    /**
     * A channel's fill.
     *
     * @param depth    events waiting
     * @param capacity events it holds before its writer blocks
     */
    public record ChannelStatus(int depth, int capacity) {
    }
}
