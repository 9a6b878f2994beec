package io.sabot.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NoopMetricsTest {

    private static final MetricDescriptor JOBS =
            MetricDescriptor.of("sabot_jobs_total", "Jobs.", MetricType.COUNTER, "agent");

    @Test
    void noopIsOneSharedInstance() {
        assertThat(Metrics.noop()).isSameAs(Metrics.noop());
    }

    @Test
    void countersRecordNothing() {
        Counter counter = Metrics.noop().counter(JOBS, "a");

        counter.inc();
        counter.inc(41);

        assertThat(counter.count()).isZero();
    }

    @Test
    void gaugesRecordNothing() {
        Gauge gauge = Metrics.noop().gauge(StandardMetrics.CHANNEL_DEPTH, "c");

        gauge.set(12.5);

        assertThat(gauge.value()).isZero();
    }

    @Test
    void callbackGaugesAreNeverRead() {
        AtomicInteger reads = new AtomicInteger();

        Metrics.noop().gauge(StandardMetrics.AGENT_UP, () -> reads.incrementAndGet(), "a");
        Metrics.noop().snapshot();

        assertThat(reads).hasValue(0);
    }

    @Test
    void timersAndHistogramsRecordNothing() {
        Timer timer = Metrics.noop().timer(StandardMetrics.PROCESSING_LATENCY, "a");
        Histogram histogram = Metrics.noop().histogram(StandardMetrics.CHECKPOINT_SIZE);

        timer.recordNanos(5);
        timer.record(Duration.ofMillis(3));
        histogram.update(1024);

        assertThat(timer.count()).isZero();
        assertThat(histogram.count()).isZero();
    }

    @Test
    void theSnapshotIsEmptyAndRemovingIsHarmless() {
        Metrics.noop().counter(JOBS, "a").inc();
        Metrics.noop().remove(JOBS, "a");

        MetricsSnapshot snapshot = Metrics.noop().snapshot();

        assertThat(snapshot.families()).isEmpty();
        assertThat(snapshot.at()).isEqualTo(Instant.EPOCH);
    }
}
