package io.sabot.supervision;

import io.sabot.api.supervision.RestartIntensity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The sliding window of recent restarts that enforces a {@link RestartIntensity}.
 *
 * <p>A restart stays in the window while it is less than {@code period} old. Recording a restart that makes the
 * window hold more than {@code maxRestarts} entries means the intensity is exceeded.
 *
 * <p>Not thread-safe: owned by a supervisor's control thread.
 */
final class RestartWindow {

    private final RestartIntensity intensity;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    RestartWindow(RestartIntensity intensity) {
        this.intensity = intensity;
    }

    /**
     * Records a restart at {@code now}.
     *
     * @param now the supervisor clock's current instant
     * @return true if the restart is allowed, false if it exceeds the intensity
     */
    boolean tryRecord(Instant now) {
        Duration period = intensity.period();
        while (!restarts.isEmpty() && Duration.between(restarts.peekFirst(), now).compareTo(period) >= 0) {
            restarts.removeFirst();
        }
        restarts.addLast(now);
        return restarts.size() <= intensity.maxRestarts();
    }
}
