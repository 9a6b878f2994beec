package io.sabot.benchmarks.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one state-holding agent of {@link CheckpointCostBenchmark} experiences around checkpoints, in nanoseconds:
 * how long its snapshot hook took (from the first byte of state encoded to the snapshot reported to the
 * coordinator) and how much of it the agent's thread spent on a core, the gap between the two events it processed on either side of the snapshot, and the longest gap
 * between other consecutive events (the baseline: scheduling and the source's pace).
 *
 * <p>Thread-safety: {@link #event}, {@link #encoding} and {@link #snapshotReported} are called on the agent's
 * thread; the readers and {@link #takeBaselineGap()} from any thread.
 */
final class PauseRecorder {

    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private volatile boolean ready;
    private long snapshotStart;
    private long snapshotStartCpu;
    private long lastEvent;
    private long lastCheckpointSeen;
    private volatile long reportedCheckpoint;
    private volatile long hookNanos;
    private volatile long hookCpuNanos;
    private volatile long spanningCheckpoint;
    private volatile long spanningGapNanos;
    private final AtomicLong baselineGap = new AtomicLong();

    /** Marks the agent's state as built: it now holds its full size. */
    void ready() {
        ready = true;
    }

    /** @return true once the agent's state is built */
    boolean isReady() {
        return ready;
    }

    /**
     * Called by the state codec for each value encoded: the first call of a snapshot starts its hook time.
     *
     * @param now the time, from {@link System#nanoTime()}
     */
    void encoding(long now) {
        if (snapshotStart == 0) {
            snapshotStart = now;
            snapshotStartCpu = threadBean.getCurrentThreadCpuTime();
        }
    }

    /**
     * Called when the agent has reported its snapshot of a checkpoint to the coordinator.
     *
     * @param checkpointId the checkpoint
     * @param now          the time, from {@link System#nanoTime()}
     */
    void snapshotReported(long checkpointId, long now) {
        if (snapshotStart != 0) {
            hookNanos = now - snapshotStart;
            hookCpuNanos = threadBean.getCurrentThreadCpuTime() - snapshotStartCpu;
            snapshotStart = 0;
        }
        reportedCheckpoint = checkpointId;
    }

    /**
     * Called as the agent takes each event.
     *
     * @param now the time, from {@link System#nanoTime()}
     */
    void event(long now) {
        long reported = reportedCheckpoint;
        if (lastEvent != 0) {
            long gap = now - lastEvent;
            if (reported != lastCheckpointSeen) {
                spanningGapNanos = gap;
                spanningCheckpoint = reported;
            } else {
                baselineGap.accumulateAndGet(gap, Math::max);
            }
        }
        lastCheckpointSeen = reported;
        lastEvent = now;
    }

    /** @return the checkpoint whose snapshot the last {@link #spanningGapNanos()} spans; 0 if none yet */
    long spanningCheckpoint() {
        return spanningCheckpoint;
    }

    /** @return the gap between the events on either side of the last snapshot, in nanoseconds */
    long spanningGapNanos() {
        return spanningGapNanos;
    }

    /** @return how long the last snapshot hook took, in nanoseconds */
    long hookNanos() {
        return hookNanos;
    }

    /** @return the CPU time the agent's thread spent in its last snapshot hook, in nanoseconds; -1 if unknown */
    long hookCpuNanos() {
        return hookCpuNanos;
    }

    /** @return the longest gap between events not spanning a snapshot since the last call, in nanoseconds */
    long takeBaselineGap() {
        return baselineGap.getAndSet(0);
    }
}
