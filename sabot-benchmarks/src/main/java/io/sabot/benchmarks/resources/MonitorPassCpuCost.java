package io.sabot.benchmarks.resources;

import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.resources.DefaultResourceMonitor;
import io.sabot.resources.ResourceLimits;
import io.sabot.resources.ResourcesConfig;
import io.sabot.resources.StandardProbes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * A companion to {@link MonitorPassBenchmark} that reports the <em>CPU time</em> of one pass (the monitor thread's
 * own CPU, through {@link ThreadMXBean#getCurrentThreadCpuTime()}), which a loaded machine does not inflate the way
 * it inflates wall time, and the resulting overhead at a 1 s interval.
 *
 * <p>Run: {@code java -cp <classpath> io.sabot.benchmarks.resources.MonitorPassCpuCost [passes]} (default 500).
 */
public final class MonitorPassCpuCost {

    private MonitorPassCpuCost() {
    }

    /**
     * Measures and prints.
     *
     * @param args optionally the number of measured passes per agent count
     * @throws InterruptedException if interrupted while ending the agents' threads
     */
    public static void main(String[] args) throws InterruptedException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int count : new int[] {1, 100, 1000}) {
            CountDownLatch release = new CountDownLatch(1);
            List<BenchmarkAgent> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                running.add(new BenchmarkAgent("agent-" + i, release));
            }
            List<MonitoredAgent> snapshot = List.copyOf(running);
            ResourceLimits limits = ResourceLimits.builder().everyAgent(
                    ResourceLimit.of(LimitKind.AGENT_CPU, 0.9, LimitAction.WARN),
                    ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 1e9, LimitAction.RESTART)).build();
            try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder()
                    .probes(StandardProbes.create(Clock.systemUTC()))
                    .config(ResourcesConfig.builder().limits(limits).build()).build()) {
                for (int i = 0; i < passes; i++) {
                    monitor.runPass(() -> snapshot); // warm up
                }
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                for (int i = 0; i < passes; i++) {
                    monitor.runPass(() -> snapshot);
                }
                double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / passes;
                double wallMicros = (System.nanoTime() - wall0) / 1e3 / passes;
                System.out.printf(Locale.ROOT, "%5d agents: %8.1f us CPU per pass (%8.1f us wall); "
                        + "at a 1 s interval %.3f%% of one core%n", count, cpuMicros, wallMicros, cpuMicros / 1e4);
            }
            release.countDown();
            for (BenchmarkAgent agent : running) {
                agent.join();
            }
        }
    }
}
