package io.sabot.resources;

import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.resources.Reading;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Per-agent accounting: each agent's own CPU share and allocation, measured on the agent's thread through a
 * {@link ThreadMeter}, plus the figures the runtime supplies (state size, input depth, time blocked on full output
 * channels). Figures are per agent, not the process's: a busy and an idle agent in one worker differ.
 *
 * <p>Ratios are measured between two calls of {@link #measure(MonitoredAgent)} for the same agent: the first call
 * reports the CPU ratio as unavailable and the backpressured ratio as 0. When the agent's thread changes (a
 * restart), the CPU baseline starts again. The time source is injected so that tests control the interval.
 *
 * <p>Thread-safety: methods are synchronized; the monitor calls them from its one thread.
 */
public final class AgentAccounting {

    static final String NOT_RUNNING = "the agent is not running (restarting or stopped)";
    static final String FIRST = "the CPU ratio needs two samples of the agent's thread; this is the first";

    private final ThreadMeter meter;
    private final LongSupplier nanoTime;
    private final Map<String, Baseline> baselines = new HashMap<>();

    /** Creates accounting on the JVM's {@code ThreadMXBean} and {@link System#nanoTime()}. */
    public AgentAccounting() {
        this(new JmxThreadMeter(), System::nanoTime);
    }

    /**
     * Creates accounting.
     *
     * @param meter    measures the agents' threads
     * @param nanoTime a monotonic time source in nanoseconds
     */
    public AgentAccounting(ThreadMeter meter, LongSupplier nanoTime) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Measures one agent now and moves its baseline to now.
     *
     * @param agent the agent
     * @return its figures since the previous call for the same agent id
     */
    public synchronized AgentFigures measure(MonitoredAgent agent) {
        String id = agent.id();
        long now = nanoTime.getAsLong();
        long blocked = agent.backpressuredNanos();
        Optional<Thread> thread = agent.thread();
        Baseline before = baselines.get(id);
        Baseline after = new Baseline(thread.orElse(null), now, blocked);

        Reading cpuRatio;
        Reading allocated;
        long allocatedSinceLast = 0;
        if (thread.isEmpty()) {
            cpuRatio = Reading.unavailable(NOT_RUNNING);
            allocated = Reading.unavailable(NOT_RUNNING);
        } else {
            Thread t = thread.get();
            Reading cpu = meter.cpuNanos(t);
            allocated = meter.allocatedBytes(t);
            boolean sameThread = before != null && before.thread == t;
            after.cpuNanos = cpu.isAvailable() ? (long) cpu.value() : -1;
            after.allocatedBytes = allocated.isAvailable() ? (long) allocated.value() : -1;
            if (!cpu.isAvailable()) {
                cpuRatio = cpu;
            } else if (!sameThread || before.cpuNanos < 0 || now - before.wallNanos <= 0) {
                cpuRatio = Reading.unavailable(FIRST);
            } else {
                cpuRatio = Reading.of(Readings.clampRatio(
                        (double) (after.cpuNanos - before.cpuNanos) / (now - before.wallNanos)));
            }
            if (allocated.isAvailable()) {
                long base = sameThread && before.allocatedBytes >= 0 ? before.allocatedBytes : 0;
                allocatedSinceLast = Math.max(0, after.allocatedBytes - base);
            }
        }
        double flow = 0.0;
        if (before != null && now - before.wallNanos > 0) {
            flow = Readings.clampRatio((double) (blocked - before.backpressuredNanos) / (now - before.wallNanos));
        }
        baselines.put(id, after);
        Reading state = agent.stateBytes().isPresent()
                ? Reading.of(agent.stateBytes().getAsLong())
                : Reading.unavailable("the agent has not snapshotted its state yet");
        return new AgentFigures(id, cpuRatio, allocated, allocatedSinceLast, state,
                Math.max(0, agent.inputDepth()), Math.max(0, agent.inputCapacity()), flow);
    }

    /**
     * Forgets the baselines of agents that are no longer running.
     *
     * @param running the ids of the agents still running
     */
    public synchronized void retain(Set<String> running) {
        baselines.keySet().retainAll(running);
    }

    /** {@return how many agents have a baseline} */
    public synchronized int tracked() {
        return baselines.size();
    }

    private static final class Baseline {
        final Thread thread;
        final long wallNanos;
        final long backpressuredNanos;
        long cpuNanos = -1;
        long allocatedBytes = -1;

        Baseline(Thread thread, long wallNanos, long backpressuredNanos) {
            this.thread = thread;
            this.wallNanos = wallNanos;
            this.backpressuredNanos = backpressuredNanos;
        }
    }
}
