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
    private volatile Thread waiting;

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

    /**
     * Records which thread is waiting on a full channel right now; called by the channel around its wait.
     *
     * @param thread the emitter's thread while it waits, null when it stops waiting
     */
    void waiting(Thread thread) {
        this.waiting = thread;
    }

    /**
     * Interrupts the emitter if it is blocked on a full channel at this moment, so that a stop request does not wait
     * for a reader that may never come (for example one that failed). The interrupted put throws
     * {@link InterruptedException} and its event is not appended.
     *
     * @return true if a blocked emitter was interrupted
     */
    public boolean releaseBlockedEmitter() {
        Thread t = waiting;
        if (t != null) {
            t.interrupt();
            return true;
        }
        return false;
    }

    /** {@return the total time blocked so far, in nanoseconds} */
    public long totalNanos() {
        return nanos.get();
    }
}
