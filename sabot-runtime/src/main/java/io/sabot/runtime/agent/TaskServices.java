package io.sabot.runtime.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.agent.DeadLetterHandler;
import io.sabot.api.metrics.Metrics;
import io.sabot.runtime.app.LoggingDeadLetterHandler;
import io.sabot.runtime.checkpoint.CheckpointAcks;
import io.sabot.runtime.checkpoint.RecoveryState;
import io.sabot.runtime.source.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What every source and agent task of an app shares: metrics, the JSON mapper of state, where checkpoints are
 * reported and where recovery state is read, the dead-letter handler, clocks and the sleeper used for throttling.
 * Immutable.
 *
 * @param metrics     where events, latencies, errors and state sizes are recorded
 * @param mapper      the mapper behind the JSON codecs of {@code Class}-typed state
 * @param acks        where checkpoint snapshots and source positions are reported
 * @param recovery    where a (re)starting task finds its state or position
 * @param deadLetters receives the events being processed when an agent failed
 * @param clock       stamps dead letters
 * @param nanoTime    measures latencies and blocked time
 * @param sleeper     pauses a throttled agent
 * @param busyTime    measures how long a throttled agent's event kept it busy, in nanoseconds, read on the agent's
 *                    thread; the worker uses the thread's CPU time, so time the machine gave to other threads is not
 *                    held against the agent
 */
public record TaskServices(Metrics metrics, ObjectMapper mapper, CheckpointAcks acks, RecoveryState recovery,
                           DeadLetterHandler deadLetters, Clock clock, LongSupplier nanoTime, Sleeper sleeper,
                           LongSupplier busyTime) {

    /**
     * Creates the services with {@code nanoTime} as the busy-time measure too (wall time).
     *
     * @param metrics     where events, latencies, errors and state sizes are recorded
     * @param mapper      the mapper behind the JSON codecs of {@code Class}-typed state
     * @param acks        where checkpoint snapshots and source positions are reported
     * @param recovery    where a (re)starting task finds its state or position
     * @param deadLetters receives the events being processed when an agent failed
     * @param clock       stamps dead letters
     * @param nanoTime    measures latencies, blocked time and busy time
     * @param sleeper     pauses a throttled agent
     */
    public TaskServices(Metrics metrics, ObjectMapper mapper, CheckpointAcks acks, RecoveryState recovery,
                        DeadLetterHandler deadLetters, Clock clock, LongSupplier nanoTime, Sleeper sleeper) {
        this(metrics, mapper, acks, recovery, deadLetters, clock, nanoTime, sleeper, nanoTime);
    }

    /**
     * Creates the services.
     *
     * @param metrics     where events, latencies, errors and state sizes are recorded
     * @param mapper      the mapper behind the JSON codecs of {@code Class}-typed state
     * @param acks        where checkpoint snapshots and source positions are reported
     * @param recovery    where a (re)starting task finds its state or position
     * @param deadLetters receives the events being processed when an agent failed
     * @param clock       stamps dead letters
     * @param nanoTime    measures latencies and blocked time
     * @param sleeper     pauses a throttled agent
     * @param busyTime    measures a throttled agent's busy time
     */
    public TaskServices {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(acks, "acks");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(busyTime, "busyTime");
    }

    /**
     * The defaults: no metrics, a default {@link ObjectMapper}, no checkpoints, a fresh start, dead letters logged,
     * the system clocks, {@link Sleeper#SYSTEM}, and busy time as the current thread's CPU time where the JVM
     * measures it (wall time otherwise).
     *
     * @return the default services
     */
    public static TaskServices defaults() {
        return new TaskServices(Metrics.noop(), new ObjectMapper(), CheckpointAcks.NONE, RecoveryState.NONE,
                new LoggingDeadLetterHandler(), Clock.systemUTC(), System::nanoTime, Sleeper.SYSTEM, threadCpuTime());
    }

    private static LongSupplier threadCpuTime() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return System::nanoTime;
        }
        return () -> {
            long cpu = threads.getCurrentThreadCpuTime();
            return cpu >= 0 ? cpu : System.nanoTime();
        };
    }

    /**
     * A copy with other metrics.
     *
     * @param value the metrics
     * @return the copy
     */
    public TaskServices withMetrics(Metrics value) {
        return new TaskServices(value, mapper, acks, recovery, deadLetters, clock, nanoTime, sleeper, busyTime);
    }

    /**
     * A copy reporting checkpoints elsewhere and recovering from elsewhere.
     *
     * @param newAcks     where checkpoints are reported
     * @param newRecovery where recovery state is read
     * @return the copy
     */
    public TaskServices withCheckpoints(CheckpointAcks newAcks, RecoveryState newRecovery) {
        return new TaskServices(metrics, mapper, newAcks, newRecovery, deadLetters, clock, nanoTime, sleeper, busyTime);
    }

    /**
     * A copy with another dead-letter handler.
     *
     * @param value the handler
     * @return the copy
     */
    public TaskServices withDeadLetters(DeadLetterHandler value) {
        return new TaskServices(metrics, mapper, acks, recovery, value, clock, nanoTime, sleeper, busyTime);
    }

    /**
     * A copy with another sleeper.
     *
     * @param value the sleeper
     * @return the copy
     */
    public TaskServices withSleeper(Sleeper value) {
        return new TaskServices(metrics, mapper, acks, recovery, deadLetters, clock, nanoTime, value, busyTime);
    }
}
