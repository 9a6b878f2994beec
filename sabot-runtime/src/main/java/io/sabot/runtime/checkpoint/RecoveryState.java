package io.sabot.runtime.checkpoint;

import io.sabot.api.agent.SourcePosition;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a (re)starting task finds the state it resumes from: the latest completed checkpoint, or the checkpoint or
 * savepoint the worker was started from. {@link #NONE} is a fresh start.
 *
 * <p>Thread-safety: implementations must be thread-safe; each task calls from its own thread when it starts.
 */
public interface RecoveryState {

    /** A fresh start: no state, sources at their start. */
    RecoveryState NONE = new RecoveryState() {
        @Override
        public Optional<byte[]> agentState(String agentId) {
            return Optional.empty();
        }

        @Override
        public Optional<SourcePosition> sourcePosition(String source) {
            return Optional.empty();
        }
    };

    /**
     * The state snapshot an agent resumes from.
     *
     * @param agentId the agent
     * @return its snapshot bytes, or empty to start with empty state
     * @throws IOException if the snapshot cannot be read or fails its checksum
     */
    Optional<byte[]> agentState(String agentId) throws IOException;

    /**
     * The position a source resumes at.
     *
     * @param source the source
     * @return the position, or empty to start at {@link SourcePosition#START}
     * @throws IOException if the position cannot be read
     */
    Optional<SourcePosition> sourcePosition(String source) throws IOException;
}
