package io.sabot.benchmarks.metrics;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.metrics.DropwizardMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of counting one event, single-threaded, in nanoseconds per operation:
 * <ul>
 *   <li>{@code rawDropwizardCounter}: the baseline, {@code com.codahale.metrics.Counter.inc()};
 *   <li>{@code cachedHandle}: a labeled Sabot counter through a handle looked up once (target: at most 1.5 times the
 *       baseline);
 *   <li>{@code lookupByLabels}: looking the series up by descriptor and two label values, then incrementing it
 *       (target: at most 100 ns), with 100 agents registered so the lookup is not into a one-entry map.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CounterIncrementBenchmark {

    private com.codahale.metrics.Counter raw;
    private Counter handle;
    private DropwizardMetrics metrics;
    private String agent;
    private String channel;

    /** Registers the series. */
    @Setup
    public void setUp() {
        raw = new com.codahale.metrics.Counter();
        metrics = DropwizardMetrics.create();
        for (int i = 0; i < 100; i++) {
            metrics.counter(StandardMetrics.EVENTS_PROCESSED, "agent-" + i, "raw-events");
        }
        // fresh strings, as a caller building labels at run time would pass (their hash codes are cached after use)
        agent = new String("agent-42");
        channel = new String("raw-events");
        handle = metrics.counter(StandardMetrics.EVENTS_PROCESSED, agent, channel);
    }

    /** The baseline: a raw Dropwizard counter. */
    @Benchmark
    public void rawDropwizardCounter() {
        raw.inc();
    }

    /** A labeled Sabot counter through a cached handle. */
    @Benchmark
    public void cachedHandle() {
        handle.inc();
    }

    /** Looking the series up by descriptor and label values, then incrementing it. */
    @Benchmark
    public void lookupByLabels() {
        metrics.counter(StandardMetrics.EVENTS_PROCESSED, agent, channel).inc();
    }
}
