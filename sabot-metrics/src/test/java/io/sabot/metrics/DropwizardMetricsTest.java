package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.codahale.metrics.MetricRegistry;
import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.Gauge;
import io.sabot.api.metrics.Histogram;
import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.MetricType;
import io.sabot.api.metrics.MetricsSnapshot;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.metrics.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DropwizardMetricsTest {

    private static final MetricDescriptor EVENTS = StandardMetrics.EVENTS_PROCESSED;
    private static final MetricDescriptor DEPTH = StandardMetrics.CHANNEL_DEPTH;
    private static final MetricDescriptor LATENCY = StandardMetrics.PROCESSING_LATENCY;
    private static final MetricDescriptor SIZE = StandardMetrics.CHECKPOINT_SIZE;

    private final DropwizardMetrics metrics = DropwizardMetrics.create();

    @Test
    void aCounterHandleIsTheSameSeriesEveryTimeAndCounts() {
        Counter a = metrics.counter(EVENTS, "parser", "raw");
        Counter again = metrics.counter(EVENTS, "parser", "raw");
        Counter other = metrics.counter(EVENTS, "parser", "other");

        a.inc();
        again.inc(41);
        other.inc(2);

        assertThat(again).isSameAs(a);
        assertThat(a.count()).isEqualTo(42);
        assertThat(other.count()).isEqualTo(2);
        assertThat(metrics.registry().counter("sabot_events_processed_total{agent=\"parser\",channel=\"raw\"}")
                .getCount()).isEqualTo(42);
    }

    @Test
    void aCounterRefusesToGoDown() {
        Counter counter = metrics.counter(EVENTS, "a", "b");
        assertThatThrownBy(() -> counter.inc(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only goes up");
        com.codahale.metrics.Counter inRegistry = metrics.registry().getCounters().values().iterator().next();
        assertThatThrownBy(inRegistry::dec).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot be decremented");
        inRegistry.inc();
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void labelValuesArrayChangedAfterwardsDoesNotChangeTheStoredSeries() {
        String[] labels = {"parser", "raw"};
        metrics.counter(EVENTS, labels).inc();
        labels[0] = "changed";

        assertThat(metrics.counter(EVENTS, "parser", "raw").count()).isEqualTo(1);
        assertThat(metrics.snapshot().families().get(0).series().get(0).labelValues()).containsExactly("parser",
                "raw");
    }

    @Test
    void settableGaugeKeepsTheLastValue() {
        Gauge gauge = metrics.gauge(DEPTH, "in");
        gauge.set(3);
        gauge.set(7.5);

        assertThat(metrics.gauge(DEPTH, "in")).isSameAs(gauge);
        assertThat(gauge.value()).isEqualTo(7.5);
        assertThat(single(metrics.snapshot(), DEPTH).value()).isEqualTo(7.5);
        assertThat(metrics.registry().getGauges().get("sabot_channel_depth{channel=\"in\"}").getValue())
                .isEqualTo(7.5);
    }

    @Test
    void callbackGaugeIsReadAtEachSnapshotAndCanBeReplaced() {
        AtomicInteger source = new AtomicInteger(5);
        metrics.gauge(DEPTH, source::get, "in");
        assertThat(single(metrics.snapshot(), DEPTH).value()).isEqualTo(5);
        source.set(9);
        assertThat(single(metrics.snapshot(), DEPTH).value()).isEqualTo(9);

        metrics.gauge(DEPTH, () -> 100, "in");
        assertThat(single(metrics.snapshot(), DEPTH).value()).isEqualTo(100);
        assertThat(metrics.registry().getGauges().get("sabot_channel_depth{channel=\"in\"}").getValue())
                .isEqualTo(100.0);
    }

    @Test
    void callbackGaugeThatThrowsReadsAsNaN() {
        metrics.gauge(DEPTH, () -> {
            throw new IllegalStateException("boom");
        }, "in");
        assertThat(single(metrics.snapshot(), DEPTH).value()).isNaN();
    }

    @Test
    void aCallbackGaugeCannotBeSetAndASettableOneCanBecomeACallback() {
        metrics.gauge(DEPTH, () -> 1, "cb");
        assertThatThrownBy(() -> metrics.gauge(DEPTH, "cb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callback");

        metrics.gauge(DEPTH, "set").set(4);
        metrics.gauge(DEPTH, () -> 8, "set");
        assertThat(metrics.snapshot().families().get(0).series()).extracting(MetricsSnapshot.Series::value)
                .containsExactly(1.0, 8.0);
    }

    @Test
    void timerRecordsNanosecondsAndSnapshotsSeconds() {
        Timer timer = metrics.timer(LATENCY, "parser");
        timer.recordNanos(1_000_000_000L);
        timer.record(Duration.ofMillis(500));
        timer.recordNanos(-5); // ignored

        MetricsSnapshot.Series series = single(metrics.snapshot(), LATENCY);
        assertThat(series.count()).isEqualTo(2);
        assertThat(timer.count()).isEqualTo(2);
        assertThat(series.sum()).isCloseTo(1.5, within(1e-9));
        assertThat(series.quantiles()).containsOnlyKeys(0.5, 0.9, 0.99);
        assertThat(series.quantiles().get(0.99)).isCloseTo(1.0, within(1e-9));
        assertThat(series.quantiles().get(0.5)).isBetween(0.5, 1.0);
        assertThat(metrics.registry().getTimers().get("sabot_processing_latency_seconds{agent=\"parser\"}")
                .getSnapshot().getMax()).isEqualTo(1_000_000_000L);
    }

    @Test
    void histogramKeepsAnExactSumAndIgnoresNonFiniteValues() {
        Histogram histogram = metrics.histogram(SIZE);
        histogram.update(100.4);
        histogram.update(200.2);
        histogram.update(Double.NaN);
        histogram.update(Double.POSITIVE_INFINITY);

        MetricsSnapshot.Series series = single(metrics.snapshot(), SIZE);
        assertThat(histogram.count()).isEqualTo(2);
        assertThat(series.count()).isEqualTo(2);
        assertThat(series.sum()).isCloseTo(300.6, within(1e-9));
        assertThat(series.quantiles().get(0.99)).isEqualTo(200.0);
        assertThat(metrics.registry().getHistograms()).containsKey("sabot_checkpoint_size_bytes");
    }

    @Test
    void snapshotIsOrderedByNameThenLabelsAndStampedByTheClock() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        DropwizardMetrics clocked = DropwizardMetrics.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        clocked.gauge(DEPTH, "b").set(1);
        clocked.gauge(DEPTH, "a").set(2);
        clocked.counter(EVENTS, "x", "y").inc();

        MetricsSnapshot snapshot = clocked.snapshot();
        assertThat(snapshot.at()).isEqualTo(now);
        assertThat(snapshot.families()).extracting(f -> f.descriptor().name())
                .containsExactly("sabot_channel_depth", "sabot_events_processed_total");
        assertThat(snapshot.families().get(0).series()).extracting(s -> s.labelValues().get(0))
                .containsExactly("a", "b");
    }

    @Test
    void aNameRegisteredWithAnotherTypeOrOtherLabelsFailsClearly() {
        metrics.counter(EVENTS, "a", "b");
        MetricDescriptor sameNameOtherLabels = MetricDescriptor.of(EVENTS.name(), "other", MetricType.COUNTER,
                "agent");
        MetricDescriptor sameNameAsGauge = MetricDescriptor.of("sabot_channel_depth", "x", MetricType.GAUGE, "other");
        metrics.gauge(DEPTH, "in");

        assertThatThrownBy(() -> metrics.counter(sameNameOtherLabels, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered").hasMessageContaining("[agent, channel]");
        assertThatThrownBy(() -> metrics.gauge(sameNameAsGauge, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> metrics.timer(EVENTS, "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a COUNTER, not a TIMER");
        assertThatThrownBy(() -> metrics.remove(sameNameOtherLabels, "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDescriptorWithTheSameShapeButOtherHelpSharesTheSeries() {
        MetricDescriptor copy = MetricDescriptor.of(EVENTS.name(), "Reworded.", MetricType.COUNTER, "agent",
                "channel");
        metrics.counter(EVENTS, "a", "b").inc();
        assertThat(metrics.counter(copy, "a", "b").count()).isEqualTo(1);
    }

    @Test
    void wrongLabelCountOrNullValueFails() {
        assertThatThrownBy(() -> metrics.counter(EVENTS, "only-one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1 values");
        assertThatThrownBy(() -> metrics.counter(EVENTS, "a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel is null");
    }

    @Test
    void cardinalityCapDropsNewLabelSetsCountsThemAndKeepsExistingOnes() {
        DropwizardMetrics capped = DropwizardMetrics.builder().maxSeriesPerMetric(3).build();
        for (int i = 0; i < 3; i++) {
            capped.counter(EVENTS, "agent-" + i, "in").inc();
        }
        Counter dropped = capped.counter(EVENTS, "agent-99", "in");
        dropped.inc(5);
        capped.counter(EVENTS, "agent-100", "in").inc();

        assertThat(dropped.count()).isZero();
        assertThat(capped.counter(EVENTS, "agent-0", "in").count()).isEqualTo(1);
        assertThat(capped.counter(StandardMetrics.DROPPED_SERIES, EVENTS.name()).count()).isEqualTo(2);
        assertThat(single(capped.snapshot(), StandardMetrics.DROPPED_SERIES).count()).isEqualTo(2);
        assertThat(capped.snapshot().families().stream()
                .filter(f -> f.descriptor().equals(EVENTS)).findFirst().orElseThrow().series()).hasSize(3);
        assertThat(capped.registry().getCounters().keySet()).filteredOn(n -> n.startsWith(EVENTS.name())).hasSize(3);
    }

    @Test
    void cardinalityCapAppliesToEveryTypeAndRemovingMakesRoom() {
        DropwizardMetrics capped = DropwizardMetrics.builder().maxSeriesPerMetric(1).build();
        capped.gauge(DEPTH, "a").set(1);
        capped.gauge(DEPTH, "b").set(2);
        capped.gauge(DEPTH, () -> 3, "c");
        capped.timer(LATENCY, "a").recordNanos(1);
        capped.timer(LATENCY, "b").recordNanos(1);
        capped.histogram(StandardMetrics.CHECKPOINT_SIZE).update(1);

        assertThat(capped.counter(StandardMetrics.DROPPED_SERIES, DEPTH.name()).count()).isEqualTo(2);
        assertThat(capped.counter(StandardMetrics.DROPPED_SERIES, LATENCY.name()).count()).isEqualTo(1);
        assertThat(capped.timer(LATENCY, "b").count()).isZero();

        capped.remove(DEPTH, "a");
        capped.gauge(DEPTH, "b").set(2);
        assertThat(single(capped.snapshot(), DEPTH).labelValues()).containsExactly("b");
        assertThat(capped.registry().getGauges()).containsOnlyKeys("sabot_channel_depth{channel=\"b\"}");
    }

    @Test
    void perMetricCapOverridesTheDefault() {
        DropwizardMetrics capped = DropwizardMetrics.builder().maxSeriesPerMetric(1).maxSeries(DEPTH.name(), 3)
                .build();
        for (int i = 0; i < 5; i++) {
            capped.gauge(DEPTH, "c" + i).set(i);
            capped.counter(EVENTS, "a" + i, "in").inc();
        }
        assertThat(capped.counter(StandardMetrics.DROPPED_SERIES, DEPTH.name()).count()).isEqualTo(2);
        assertThat(capped.counter(StandardMetrics.DROPPED_SERIES, EVENTS.name()).count()).isEqualTo(4);
        assertThat(capped.maxSeriesPerMetric()).isEqualTo(1);
    }

    @Test
    void theDroppedSeriesCounterIsNotCappedItself() {
        DropwizardMetrics capped = DropwizardMetrics.builder().maxSeriesPerMetric(1).build();
        List<MetricDescriptor> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MetricDescriptor d = MetricDescriptor.of("test_metric_" + i + "_total", "A test.", MetricType.COUNTER,
                    "k");
            many.add(d);
            capped.counter(d, "first");
            capped.counter(d, "second");
        }
        assertThat(capped.snapshot().families().stream()
                .filter(f -> f.descriptor().equals(StandardMetrics.DROPPED_SERIES)).findFirst().orElseThrow()
                .series()).hasSize(5);
    }

    @Test
    void removeDropsTheSeriesFromSnapshotAndRegistryAndIgnoresUnknownOnes() {
        metrics.counter(EVENTS, "a", "b").inc(3);
        metrics.remove(EVENTS, "a", "b");
        metrics.remove(EVENTS, "never", "there");
        metrics.remove(LATENCY, "unknown-metric");

        assertThat(metrics.snapshot().families().get(0).series()).isEmpty();
        assertThat(metrics.registry().getCounters()).isEmpty();
        assertThat(metrics.counter(EVENTS, "a", "b").count()).isZero();
    }

    @Test
    void anExistingRegistryIsUsedAndAForeignMetricWithTheSameNameIsReported() {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("sabot_channel_depth{channel=\"x\"}");
        DropwizardMetrics onRegistry = DropwizardMetrics.builder().registry(registry).build();
        onRegistry.counter(EVENTS, "a", "b").inc();

        assertThat(onRegistry.registry()).isSameAs(registry);
        assertThat(registry.getCounters()).containsKey("sabot_events_processed_total{agent=\"a\",channel=\"b\"}");
        assertThatThrownBy(() -> onRegistry.gauge(DEPTH, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did not create");
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> DropwizardMetrics.builder().maxSeriesPerMetric(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DropwizardMetrics.builder().maxSeries("x", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropwizardNamesEscapeQuotesBackslashesAndNewlines() {
        metrics.counter(EVENTS, "a\"b", "c\\d\ne");
        assertThat(metrics.registry().getCounters())
                .containsOnlyKeys("sabot_events_processed_total{agent=\"a\\\"b\",channel=\"c\\\\d\\ne\"}");
    }

    @Test
    void concurrentLookupsAndUpdatesLoseNothingAndNeverExceedTheCap() throws Exception {
        DropwizardMetrics capped = DropwizardMetrics.builder().maxSeriesPerMetric(50).build();
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        capped.counter(EVENTS, "agent-" + (i % 100), "in").inc();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        MetricsSnapshot snapshot = capped.snapshot();
        long kept = snapshot.families().stream().filter(f -> f.descriptor().equals(EVENTS))
                .flatMap(f -> f.series().stream()).mapToLong(MetricsSnapshot.Series::count).sum();
        long dropped = single(snapshot, StandardMetrics.DROPPED_SERIES).count();
        assertThat(snapshot.families().stream().filter(f -> f.descriptor().equals(EVENTS)).findFirst()
                .orElseThrow().series()).hasSize(50);
        assertThat(kept + dropped).isEqualTo((long) threads * perThread);
    }

    static MetricsSnapshot.Series single(MetricsSnapshot snapshot, MetricDescriptor descriptor) {
        return snapshot.families().stream().filter(f -> f.descriptor().name().equals(descriptor.name()))
                .findFirst().orElseThrow().series().get(0);
    }
}
