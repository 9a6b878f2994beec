package io.sabot.tck.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.Gauge;
import io.sabot.api.metrics.Histogram;
import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.MetricType;
import io.sabot.api.metrics.MetricsSnapshot;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecordingMetricsTest {

    private static final MetricDescriptor REQUESTS = MetricDescriptor.of("test_requests_total", "Requests.",
            MetricType.COUNTER, "route", "outcome");
    private static final MetricDescriptor QUEUED = MetricDescriptor.of("test_queued", "Queued items.",
            MetricType.GAUGE, "queue");
    private static final MetricDescriptor UP = MetricDescriptor.of("test_up", "Whether it runs.", MetricType.GAUGE);
    private static final MetricDescriptor LATENCY = MetricDescriptor.of("test_latency_seconds", "Latency.",
            MetricType.TIMER, "route");
    private static final MetricDescriptor SIZE = MetricDescriptor.of("test_size_bytes", "Sizes.",
            MetricType.HISTOGRAM);

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final RecordingMetrics metrics = new RecordingMetrics(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCounterCountsAndEveryLookupOfASeriesSharesIt() {
        assertThat(metrics.count(REQUESTS, "/a", "ok")).isZero();
        assertThat(metrics.hasSeries(REQUESTS, "/a", "ok")).isFalse();

        Counter first = metrics.counter(REQUESTS, "/a", "ok");
        assertThat(metrics.hasSeries(REQUESTS, "/a", "ok")).as("a lookup creates the series").isTrue();
        first.inc();
        metrics.counter(REQUESTS, "/a", "ok").inc(4);
        metrics.counter(REQUESTS, "/a", "error").inc();

        assertThat(metrics.count(REQUESTS, "/a", "ok")).isEqualTo(5);
        assertThat(first.count()).isEqualTo(5);
        assertThat(metrics.count(REQUESTS, "/a", "error")).isEqualTo(1);
        assertThat(metrics.count(REQUESTS, "/b", "ok")).isZero();
    }

    @Test
    void aCounterRefusesToGoDown() {
        Counter counter = metrics.counter(REQUESTS, "/a", "ok");
        counter.inc(2);
        assertThatThrownBy(() -> counter.inc(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only goes up");
        assertThat(metrics.count(REQUESTS, "/a", "ok")).isEqualTo(2);
    }

    @Test
    void aSettableGaugeReadsWhatWasSetAndAnAbsentGaugeIsEmpty() {
        assertThat(metrics.gaugeValue(QUEUED, "q")).isEmpty();

        Gauge gauge = metrics.gauge(QUEUED, "q");
        assertThat(metrics.gaugeValue(QUEUED, "q")).as("created by the lookup, at zero").hasValue(0.0);
        gauge.set(7.5);
        assertThat(gauge.value()).isEqualTo(7.5);
        assertThat(metrics.gaugeValue(QUEUED, "q")).hasValue(7.5);
        metrics.gauge(QUEUED, "q").set(-2);
        assertThat(gauge.value()).as("both lookups share the series").isEqualTo(-2);
        assertThat(metrics.gaugeValue(QUEUED, "other")).isEmpty();
    }

    @Test
    void aCallbackGaugeIsReadAtEachRead() {
        AtomicLong depth = new AtomicLong(3);
        metrics.gauge(QUEUED, depth::get, "q");
        assertThat(metrics.gaugeValue(QUEUED, "q")).hasValue(3.0);
        depth.set(11);
        assertThat(metrics.gaugeValue(QUEUED, "q")).hasValue(11.0);
        assertThat(metrics.snapshot().families().get(0).series().get(0).value()).isEqualTo(11.0);
    }

    @Test
    void aCallbackReplacesTheSeriesOfItsLabelsAndCannotBeSet() {
        metrics.gauge(QUEUED, "q").set(5);
        metrics.gauge(QUEUED, () -> 1, "q");
        assertThat(metrics.gaugeValue(QUEUED, "q")).as("the callback replaced the settable gauge").hasValue(1.0);
        metrics.gauge(QUEUED, () -> 2, "q");
        assertThat(metrics.gaugeValue(QUEUED, "q")).as("and a later callback the earlier one").hasValue(2.0);

        assertThatThrownBy(() -> metrics.gauge(QUEUED, "q")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads a callback and cannot be set");
        assertThat(metrics.gaugeValue(QUEUED, "q")).hasValue(2.0);

        metrics.remove(QUEUED, "q");
        metrics.gauge(QUEUED, "q").set(9);
        assertThat(metrics.gaugeValue(QUEUED, "q")).as("settable again once removed").hasValue(9.0);
    }

    @Test
    void aFailingCallbackFailsTheAccessorButReadsAsNanInASnapshot() {
        metrics.gauge(UP, () -> {
            throw new IllegalStateException("probe broke");
        });
        assertThatThrownBy(() -> metrics.gaugeValue(UP)).isInstanceOf(IllegalStateException.class)
                .hasMessage("probe broke");
        assertThat(metrics.snapshot().families().get(0).series().get(0).value()).isNaN();
    }

    @Test
    void aCallbackMustNotBeNull() {
        assertThatThrownBy(() -> metrics.gauge(UP, (java.util.function.DoubleSupplier) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("test_up");
        assertThat(metrics.hasSeries(UP)).isFalse();
    }

    @Test
    void aTimerCountsDurationsAndSumsThemInSecondsIgnoringNegativeOnes() {
        Timer timer = metrics.timer(LATENCY, "/a");
        timer.record(Duration.ofMillis(250));
        timer.recordNanos(1_500_000_000L);
        timer.recordNanos(-5);
        assertThat(timer.count()).isEqualTo(2);
        assertThat(metrics.count(LATENCY, "/a")).isEqualTo(2);
        assertThat(metrics.sum(LATENCY, "/a")).isCloseTo(1.75, within(1e-12));
        assertThat(metrics.sum(LATENCY, "/b")).isZero();
    }

    @Test
    void aHistogramCountsAndSumsFiniteValues() {
        Histogram histogram = metrics.histogram(SIZE);
        histogram.update(100);
        histogram.update(0.5);
        histogram.update(Double.NaN);
        histogram.update(Double.POSITIVE_INFINITY);
        assertThat(histogram.count()).isEqualTo(2);
        assertThat(metrics.count(SIZE)).isEqualTo(2);
        assertThat(metrics.sum(SIZE)).isEqualTo(100.5);
    }

    @Test
    void eachLookupTakesDescriptorsOfItsOwnTypeOnly() {
        assertThatThrownBy(() -> metrics.counter(QUEUED, "q")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a GAUGE, not a COUNTER");
        assertThatThrownBy(() -> metrics.gauge(REQUESTS, "/a", "ok")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.gauge(LATENCY, () -> 1, "/a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.timer(SIZE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.histogram(LATENCY, "/a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(metrics.snapshot().families()).as("nothing was registered").isEmpty();
    }

    @Test
    void aNameKeepsItsTypeAndLabelNamesEvenAfterItsSeriesAreRemoved() {
        metrics.gauge(QUEUED, "q").set(1);
        MetricDescriptor otherLabels = MetricDescriptor.of("test_queued", "Queued items.", MetricType.GAUGE,
                "queue", "shard");
        MetricDescriptor otherType = MetricDescriptor.of("test_queued", "Queued items.", MetricType.HISTOGRAM,
                "queue");
        assertThatThrownBy(() -> metrics.gauge(otherLabels, "q", "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered as a GAUGE with labels [queue]");
        assertThatThrownBy(() -> metrics.histogram(otherType, "q")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.gaugeValue(otherLabels, "q", "0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.labelSets(otherType)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.remove(otherLabels, "q", "0")).isInstanceOf(IllegalArgumentException.class);

        metrics.remove(QUEUED, "q");
        assertThatThrownBy(() -> metrics.histogram(otherType, "q")).isInstanceOf(IllegalArgumentException.class);

        MetricDescriptor otherHelp = MetricDescriptor.of("test_queued", "Items waiting.", MetricType.GAUGE, "queue");
        metrics.gauge(otherHelp, "q").set(4);
        assertThat(metrics.gaugeValue(QUEUED, "q")).as("only the type and label names must agree").hasValue(4.0);
    }

    @Test
    void labelValuesAreCheckedByEveryMethod() {
        assertThatThrownBy(() -> metrics.counter(REQUESTS, "/a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has labels [route, outcome] but got 1 values");
        assertThatThrownBy(() -> metrics.counter(REQUESTS, "/a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label outcome is null");
        assertThatThrownBy(() -> metrics.gauge(QUEUED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.gauge(QUEUED, () -> 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.timer(LATENCY, "/a", "extra")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.histogram(SIZE, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.remove(QUEUED)).as("even for a metric never registered")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.count(REQUESTS, "/a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.sum(LATENCY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.gaugeValue(QUEUED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.hasSeries(UP, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(metrics.snapshot().families()).isEmpty();
    }

    @Test
    void eachAccessorReadsTheTypesItMakesSenseFor() {
        assertThatThrownBy(() -> metrics.count(QUEUED, "q")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read it with gaugeValue");
        assertThatThrownBy(() -> metrics.sum(REQUESTS, "/a", "ok")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only timers and histograms have a sum");
        assertThatThrownBy(() -> metrics.sum(UP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.gaugeValue(LATENCY, "/a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a GAUGE");
    }

    @Test
    void removeDropsOneSeriesAndDetachesItsOldHandles() {
        Counter old = metrics.counter(REQUESTS, "/a", "ok");
        old.inc(3);
        metrics.counter(REQUESTS, "/b", "ok").inc();
        Gauge oldGauge = metrics.gauge(QUEUED, "q");
        oldGauge.set(8);

        metrics.remove(REQUESTS, "/a", "ok");
        metrics.remove(QUEUED, "q");
        metrics.remove(QUEUED, "never-there");
        metrics.remove(SIZE);

        assertThat(metrics.hasSeries(REQUESTS, "/a", "ok")).isFalse();
        assertThat(metrics.count(REQUESTS, "/a", "ok")).isZero();
        assertThat(metrics.count(REQUESTS, "/b", "ok")).as("other series stay").isEqualTo(1);
        assertThat(metrics.gaugeValue(QUEUED, "q")).isEmpty();

        old.inc();
        oldGauge.set(9);
        assertThat(metrics.hasSeries(REQUESTS, "/a", "ok")).as("an old handle does not bring a series back")
                .isFalse();
        assertThat(metrics.gaugeValue(QUEUED, "q")).isEmpty();

        metrics.counter(REQUESTS, "/a", "ok").inc();
        assertThat(metrics.count(REQUESTS, "/a", "ok")).as("a fresh series starts from zero").isEqualTo(1);
    }

    @Test
    void labelSetsListsTheExistingSeriesInLabelOrder() {
        assertThat(metrics.labelSets(REQUESTS)).isEmpty();
        metrics.counter(REQUESTS, "/b", "ok");
        metrics.counter(REQUESTS, "/a", "ok");
        metrics.counter(REQUESTS, "/a", "error");
        assertThat(metrics.labelSets(REQUESTS))
                .containsExactly(List.of("/a", "error"), List.of("/a", "ok"), List.of("/b", "ok"));
        metrics.remove(REQUESTS, "/a", "ok");
        assertThat(metrics.labelSets(REQUESTS)).containsExactly(List.of("/a", "error"), List.of("/b", "ok"));
    }

    @Test
    void aSnapshotHoldsEveryMetricInNameOrderAndItsSeriesInLabelOrder() {
        metrics.counter(REQUESTS, "/b", "ok").inc(2);
        metrics.counter(REQUESTS, "/a", "ok").inc(5);
        metrics.gauge(QUEUED, "z").set(1.5);
        metrics.gauge(QUEUED, () -> 4, "a");
        metrics.timer(LATENCY, "/a").record(Duration.ofMillis(500));
        metrics.histogram(SIZE).update(10);
        metrics.gauge(UP).set(1);
        metrics.remove(UP);

        MetricsSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.at()).isEqualTo(NOW);
        assertThat(snapshot.families()).extracting(f -> f.descriptor().name())
                .containsExactly("test_latency_seconds", "test_queued", "test_requests_total", "test_size_bytes",
                        "test_up");
        MetricsSnapshot.Family latency = snapshot.families().get(0);
        assertThat(latency.descriptor()).isEqualTo(LATENCY);
        assertThat(latency.series()).singleElement().satisfies(s -> {
            assertThat(s.labelValues()).containsExactly("/a");
            assertThat(s.count()).isEqualTo(1);
            assertThat(s.sum()).isEqualTo(0.5);
            assertThat(s.value()).isZero();
            assertThat(s.quantiles()).isEmpty();
        });
        List<MetricsSnapshot.Series> queued = snapshot.families().get(1).series();
        assertThat(queued).extracting(MetricsSnapshot.Series::labelValues)
                .containsExactly(List.of("a"), List.of("z"));
        assertThat(queued).extracting(MetricsSnapshot.Series::value).containsExactly(4.0, 1.5);
        List<MetricsSnapshot.Series> requests = snapshot.families().get(2).series();
        assertThat(requests).extracting(MetricsSnapshot.Series::labelValues)
                .containsExactly(List.of("/a", "ok"), List.of("/b", "ok"));
        assertThat(requests).extracting(MetricsSnapshot.Series::count).containsExactly(5L, 2L);
        assertThat(requests).extracting(MetricsSnapshot.Series::value).containsExactly(5.0, 2.0);
        assertThat(snapshot.families().get(3).series()).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(1);
            assertThat(s.sum()).isEqualTo(10.0);
        });
        assertThat(snapshot.families().get(4).series()).as("a metric whose series were removed").isEmpty();
    }

    @Test
    void theDefaultClockStampsSnapshotsWithTheCurrentTime() {
        Instant before = Instant.now();
        Instant at = new RecordingMetrics().snapshot().at();
        assertThat(at).isBetween(before, Instant.now());
        assertThatThrownBy(() -> new RecordingMetrics(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void concurrentUpdatesAreAllCounted() throws Exception {
        int threads = 4;
        int perThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String route = "/" + (t % 2);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        metrics.counter(REQUESTS, route, "ok").inc();
                        metrics.timer(LATENCY, route).recordNanos(1_000);
                        metrics.histogram(SIZE).update(1);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(metrics.count(REQUESTS, "/0", "ok") + metrics.count(REQUESTS, "/1", "ok"))
                .isEqualTo((long) threads * perThread);
        assertThat(metrics.count(REQUESTS, "/0", "ok")).isEqualTo(2L * perThread);
        assertThat(metrics.count(LATENCY, "/1")).isEqualTo(2L * perThread);
        assertThat(metrics.sum(LATENCY, "/1")).isCloseTo(2.0 * perThread * 1e-6, within(1e-9));
        assertThat(metrics.count(SIZE)).isEqualTo((long) threads * perThread);
        assertThat(metrics.sum(SIZE)).isEqualTo(threads * perThread);
    }
}
