package io.sabot.benchmarks.resources;

import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.resources.MonitoredAgents;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.resources.DefaultResourceMonitor;
import io.sabot.resources.ResourceLimits;
import io.sabot.resources.ResourcesConfig;
import io.sabot.resources.StandardProbes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one resource monitoring pass over 1, 100 and 1,000 agents: every agent measured through
 * {@code ThreadMXBean} (CPU time, allocated bytes), two limits each (CPU WARN, state RESTART) applied, the
 * backpressure level computed; with {@code probes=standard} the process, system, JVM and container probes are sampled
 * too, with {@code probes=none} only the agents are measured. Targets: at most 1 ms of CPU per pass with 100 agents,
 * and, at a 1 s interval, at most 0.5% of one core (5 ms per second).
 *
 * <p>Run: {@code java -cp <classpath> org.openjdk.jmh.Main MonitorPassBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MonitorPassBenchmark {

    /** How many agents the pass measures. */
    @Param({"1", "100", "1000"})
    public int agents;

    /** Whether the pass samples the standard probes ({@code standard}) or none ({@code none}). */
    @Param({"standard", "none"})
    public String probes;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<BenchmarkAgent> running = new ArrayList<>();
    private MonitoredAgents source;
    private DefaultResourceMonitor monitor;

    /** Creates the benchmark state. */
    public MonitorPassBenchmark() {
    }

    /** Starts the agents' threads and builds the monitor. */
    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < agents; i++) {
            running.add(new BenchmarkAgent("agent-" + i, release));
        }
        List<MonitoredAgent> snapshot = List.copyOf(running);
        source = () -> snapshot;
        ResourceLimits limits = ResourceLimits.builder().everyAgent(
                ResourceLimit.of(LimitKind.AGENT_CPU, 0.9, LimitAction.WARN),
                ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 1e9, LimitAction.RESTART)).build();
        monitor = DefaultResourceMonitor.builder()
                .probes("standard".equals(probes) ? StandardProbes.create(Clock.systemUTC()) : List.of())
                .config(ResourcesConfig.builder().limits(limits).build())
                .build();
        monitor.runPass(source);
    }

    /**
     * Ends the agents' threads.
     *
     * @throws InterruptedException if interrupted while waiting for them
     */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        release.countDown();
        for (BenchmarkAgent agent : running) {
            agent.join();
        }
        monitor.close();
    }

    /**
     * One pass.
     *
     * @return the monitor, so the pass is not optimised away
     */
    @Benchmark
    public DefaultResourceMonitor pass() {
        monitor.runPass(source);
        return monitor;
    }
}
