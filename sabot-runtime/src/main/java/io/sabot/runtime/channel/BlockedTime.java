package io.sabot.runtime.channel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The cumulative time one emitter (an agent or a source) spent blocked on full channels: the flow half of its
 * backpressure signal (Flink's "backpressured" time).
 *
 * <p>Thread-safety: {@link #add(long)} is called by the emitter's thread while it holds no lock of its own; reads
 * may come from any thread. The total never decreases.
 */
public final class BlockedTime {

    private final AtomicLong nanos = new AtomicLong();

    /** Creates a counter at zero. */
    public BlockedTime() {
    }

    /**
     * Adds time spent blocked.
     *
     * @param blockedNanos nanoseconds; negative values (a clock going backwards) are ignored
     */
    public void add(long blockedNanos) {
        if (blockedNanos > 0) {
            nanos.addAndGet(blockedNanos);
        }
    }

    /** @return the total time blocked so far, in nanoseconds */
    public long totalNanos() {
        return nanos.get();
    }
}
