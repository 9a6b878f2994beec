package io.sabot.resources;

import io.sabot.api.resources.CpuPacer;
import io.sabot.api.resources.MonitoredAgent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A real agent on a real platform thread, standing in for the runtime's agent runner: it runs a step in a loop,
 * paces itself with a {@link CpuPacer} exactly as the runtime will, fails at its next step when a restart is
 * requested (and a tiny supervisor starts it again on a new thread), and exits when a stop is requested.
 */
final class RunningAgent implements MonitoredAgent, AutoCloseable {

    /** One iteration of the agent's loop. */
    interface Step {
        void run(RunningAgent agent) throws InterruptedException;
    }

    /** Thrown inside the agent's thread to make it fail, as the runtime does on a restart request. */
    static final class RestartRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RestartRequested(String reason) {
            super(reason);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String id;
    private final Step step;
    private final Runnable onRestart;
    final CpuPacer pacer = new CpuPacer();
    final AtomicLong stateBytes = new AtomicLong(-1);
    final AtomicLong backpressured = new AtomicLong();
    final AtomicLong steps = new AtomicLong();
    final AtomicInteger restarts = new AtomicInteger();
    final AtomicInteger restartRequests = new AtomicInteger();
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final AtomicReference<String> restartReason = new AtomicReference<>();
    private volatile boolean stopRequested;
    private volatile boolean closed;

    RunningAgent(String id, Step step) {
        this(id, step, () -> { });
    }

    RunningAgent(String id, Step step, Runnable onRestart) {
        this.id = id;
        this.step = step;
        this.onRestart = onRestart;
    }

    RunningAgent start() {
        Thread t = new Thread(this::loop, "agent-" + id);
        t.setDaemon(true);
        thread.set(t);
        t.start();
        return this;
    }

    private void loop() {
        try {
            while (!stopRequested && !closed) {
                String reason = restartReason.getAndSet(null);
                if (reason != null) {
                    throw new RestartRequested(reason);
                }
                // While throttled, a step's busy time is its CPU time on this thread: wall time would also count
                // the time the OS ran other threads, and over-throttle the agent on a loaded machine.
                boolean throttled = pacer.isThrottling();
                long start = throttled ? THREADS.getCurrentThreadCpuTime() : 0;
                step.run(this);
                steps.incrementAndGet();
                long busy = throttled ? THREADS.getCurrentThreadCpuTime() - start : 0;
                long pause = pacer.pauseAfter(busy);
                if (pause > 0) {
                    long before = System.nanoTime();
                    LockSupport.parkNanos(pause);
                    pacer.paused(pause, System.nanoTime() - before);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RestartRequested e) {
            // The supervisor's part: start the agent again on a fresh thread.
            if (!closed) {
                restarts.incrementAndGet();
                onRestart.run();
                start();
            }
        }
    }

    void addBlockedNanos(long nanos) {
        backpressured.addAndGet(nanos);
    }

    boolean isStopRequested() {
        return stopRequested;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Thread> thread() {
        Thread t = thread.get();
        return t != null && t.isAlive() ? Optional.of(t) : Optional.empty();
    }

    @Override
    public OptionalLong stateBytes() {
        long s = stateBytes.get();
        return s < 0 ? OptionalLong.empty() : OptionalLong.of(s);
    }

    @Override
    public long inputDepth() {
        return 0;
    }

    @Override
    public long inputCapacity() {
        return 0;
    }

    @Override
    public long backpressuredNanos() {
        return backpressured.get();
    }

    @Override
    public void throttle(double maxCpuRatio) {
        pacer.throttle(maxCpuRatio);
    }

    @Override
    public void requestRestart(String reason) {
        restartRequests.incrementAndGet();
        restartReason.set(reason);
    }

    @Override
    public void requestStop(String reason) {
        stopRequested = true;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        Thread t = thread.get();
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
    }
}
