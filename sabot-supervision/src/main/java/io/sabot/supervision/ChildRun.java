package io.sabot.supervision;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ExitReason;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a child on its thread: runs the body, records why it ended, and reports the end to the supervisor.
 *
 * <p>Thread-safety: {@link #run()} runs on the child's thread; every other method may be called from the supervisor's
 * control thread. The interrupt is guarded so that a pooled thread is never interrupted after this run has ended.
 */
final class ChildRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildRun.class);

    private final String childId;
    private final String threadName;
    private final Child child;
    private final Consumer<ChildRun> onExit;
    private final CountDownLatch done = new CountDownLatch(1);
    private Thread thread;
    private boolean finished;
    private boolean interruptRequested;
    private volatile ExitReason reason;
    private volatile long exitNanos;

    ChildRun(String supervisorId, String childId, Child child, Consumer<ChildRun> onExit) {
        this.childId = childId;
        this.threadName = "sabot-" + supervisorId + "/" + childId;
        this.child = child;
        this.onExit = onExit;
    }

    String childId() {
        return childId;
    }

    @Override
    public void run() {
        Thread current = Thread.currentThread();
        String previousName = current.getName();
        synchronized (this) {
            thread = current;
            if (interruptRequested) {
                current.interrupt();
            }
        }
        current.setName(threadName);
        ExitReason result;
        try {
            child.run();
            result = ExitReason.normal();
        } catch (Throwable t) {
            result = ExitReason.failure(t);
        }
        synchronized (this) {
            finished = true;
            thread = null;
        }
        Thread.interrupted();
        current.setName(previousName);
        reason = result;
        exitNanos = System.nanoTime();
        done.countDown();
        onExit.accept(this);
    }

    /** Asks the child to stop; never throws, never blocks on the child. */
    void requestStop() {
        try {
            child.requestStop();
        } catch (RuntimeException e) {
            LOG.warn("child '{}': requestStop threw {}", childId, e.toString());
        }
    }

    /** Interrupts the child's thread if the run has not ended. */
    synchronized void interrupt() {
        if (finished) {
            return;
        }
        if (thread == null) {
            interruptRequested = true;
        } else {
            thread.interrupt();
        }
    }

    /**
     * Waits for the run to end.
     *
     * @param timeout the longest wait; zero only checks
     * @return true if the run has ended
     */
    boolean await(Duration timeout) {
        try {
            return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done.getCount() == 0;
        }
    }

    /** {@return why the run ended; only valid after it ended} */
    ExitReason reason() {
        return reason;
    }

    /** {@return {@link System#nanoTime()} when the run ended} */
    long exitNanos() {
        return exitNanos;
    }
}
