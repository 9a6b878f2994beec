package io.sabot.runtime.testing;

import io.sabot.api.agent.SourcePosition;
import io.sabot.runtime.checkpoint.CheckpointAcks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** TEST FIXTURE: remembers every checkpoint report. */
public final class RecordingAcks implements CheckpointAcks {

    /** Agent snapshots by "checkpoint/agent". */
    public final Map<String, byte[]> states = new ConcurrentHashMap<>();
    /** Source positions by "checkpoint/source". */
    public final Map<String, SourcePosition> positions = new ConcurrentHashMap<>();
    /** Failed tasks, in order. */
    public final List<String> failures = new CopyOnWriteArrayList<>();

    @Override
    public void acknowledgeAgent(long checkpointId, String agentId, byte[] state) {
        states.put(checkpointId + "/" + agentId, state);
    }

    @Override
    public void acknowledgeSource(long checkpointId, String source, SourcePosition position) {
        positions.put(checkpointId + "/" + source, position);
    }

    @Override
    public void taskFailed(String task, Throwable cause) {
        failures.add(task);
    }
}
