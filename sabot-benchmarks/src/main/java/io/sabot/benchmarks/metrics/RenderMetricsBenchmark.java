package io.sabot.benchmarks.metrics;

import io.sabot.api.metrics.StandardMetrics;
import io.sabot.metrics.DropwizardMetrics;
import io.sabot.metrics.PrometheusEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to render {@code /metrics} with 10,000 series, in milliseconds per render (target: at most 50 ms): 4,000
 * counters, 4,000 gauges and 2,000 timers (each timer is five lines: three quantiles, sum and count), so about
 * 18,000 sample lines. With {@code recordingsPerTimer=2000} every timer's reservoir is full, so each render also
 * sorts 2,000 reservoirs for their quantiles, as on a busy worker.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderMetricsBenchmark {

    /** Durations recorded in each timer: 1, or enough to fill its reservoir (1,028 samples). */
    @Param({"1", "2000"})
    public int recordingsPerTimer;

    private PrometheusEndpoint endpoint;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);

    /** Registers the 10,000 series. */
    @Setup
    public void setUp() {
        DropwizardMetrics metrics = DropwizardMetrics.builder().maxSeriesPerMetric(10_000).build();
        for (int i = 0; i < 4_000; i++) {
            metrics.counter(StandardMetrics.EVENTS_PROCESSED, "agent-" + i, "channel-" + (i % 10)).inc(i);
            metrics.gauge(StandardMetrics.AGENT_CPU_RATIO, "agent-" + i).set(i / 4_000.0);
        }
        for (int i = 0; i < 2_000; i++) {
            io.sabot.api.metrics.Timer timer = metrics.timer(StandardMetrics.PROCESSING_LATENCY, "agent-" + i);
            for (int r = 0; r < recordingsPerTimer; r++) {
                timer.recordNanos(1_000L * (i + r));
            }
        }
        endpoint = new PrometheusEndpoint(metrics);
    }

    /**
     * Renders every series.
     *
     * @return the byte count, so the work is not optimised away
     * @throws IOException never, writing to memory
     */
    @Benchmark
    public int render() throws IOException {
        out.reset();
        endpoint.write(out);
        return out.size();
    }
}
