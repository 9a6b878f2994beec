package io.sabot.benchmarks.resources;

import io.sabot.api.resources.MonitoredAgent;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

/**
 * An agent for the monitoring benchmarks: a live platform thread parked on a latch, so that the JVM measures a
 * real thread, with fixed state and input figures.
 *
 * <p>Thread-safety: the figures are immutable; the levers do nothing.
 */
public final class BenchmarkAgent implements MonitoredAgent {

    private final String id;
    private final Thread thread;

    /**
     * Starts the agent's thread.
     *
     * @param id      the agent's id
     * @param release counted down to end the thread
     */
    public BenchmarkAgent(String id, CountDownLatch release) {
        this.id = id;
        this.thread = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Thread> thread() {
        return Optional.of(thread);
    }

    @Override
    public OptionalLong stateBytes() {
        return OptionalLong.of(1024);
    }

    @Override
    public long inputDepth() {
        return 3;
    }

    @Override
    public long inputCapacity() {
        return 1000;
    }

    @Override
    public long backpressuredNanos() {
        return 0;
    }

    @Override
    public void throttle(double maxCpuRatio) {
        // the benchmark's agents stay under their limits
    }

    @Override
    public void requestRestart(String reason) {
        // the benchmark's agents stay under their limits
    }

    @Override
    public void requestStop(String reason) {
        // the benchmark's agents stay under their limits
    }

    /**
     * Ends the thread and waits for it.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        thread.join(10_000);
    }
}
