package io.sabot.runtime.testing;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.Gauge;
import io.sabot.api.metrics.Histogram;
import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsSnapshot;
import io.sabot.api.metrics.Timer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/** TEST FIXTURE: a minimal in-memory {@link Metrics} that remembers counts, so tests can assert on them. */
public final class RecordingMetrics implements Metrics {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    private static String key(MetricDescriptor d, String... labels) {
        d.checkLabelValues(labels);
        return d.name() + List.of(labels);
    }

    /**
     * The count of a counter, timer or histogram series.
     *
     * @param d      the metric
     * @param labels its label values
     * @return the count, 0 if never touched
     */
    public long count(MetricDescriptor d, String... labels) {
        AtomicLong c = counts.get(key(d, labels));
        return c == null ? 0 : c.get();
    }

    /**
     * The value of a gauge series.
     *
     * @param d      the metric
     * @param labels its label values
     * @return the value, NaN if absent
     */
    public double gaugeValue(MetricDescriptor d, String... labels) {
        DoubleSupplier s = gauges.get(key(d, labels));
        return s == null ? Double.NaN : s.getAsDouble();
    }

    private AtomicLong counterOf(MetricDescriptor d, String... labels) {
        return counts.computeIfAbsent(key(d, labels), k -> new AtomicLong());
    }

    @Override
    public Counter counter(MetricDescriptor d, String... labels) {
        AtomicLong c = counterOf(d, labels);
        return new Counter() {
            @Override
            public void inc(long n) {
                c.addAndGet(n);
            }

            @Override
            public long count() {
                return c.get();
            }
        };
    }

    @Override
    public Gauge gauge(MetricDescriptor d, String... labels) {
        AtomicLong bits = new AtomicLong();
        gauges.put(key(d, labels), () -> Double.longBitsToDouble(bits.get()));
        return new Gauge() {
            @Override
            public void set(double value) {
                bits.set(Double.doubleToLongBits(value));
            }

            @Override
            public double value() {
                return Double.longBitsToDouble(bits.get());
            }
        };
    }

    @Override
    public void gauge(MetricDescriptor d, DoubleSupplier value, String... labels) {
        gauges.put(key(d, labels), value);
    }

    @Override
    public Timer timer(MetricDescriptor d, String... labels) {
        AtomicLong c = counterOf(d, labels);
        return new Timer() {
            @Override
            public void recordNanos(long nanos) {
                c.incrementAndGet();
            }

            @Override
            public long count() {
                return c.get();
            }
        };
    }

    @Override
    public Histogram histogram(MetricDescriptor d, String... labels) {
        AtomicLong c = counterOf(d, labels);
        return new Histogram() {
            @Override
            public void update(double value) {
                c.incrementAndGet();
            }

            @Override
            public long count() {
                return c.get();
            }
        };
    }

    @Override
    public void remove(MetricDescriptor d, String... labels) {
        counts.remove(key(d, labels));
        gauges.remove(key(d, labels));
    }

    @Override
    public MetricsSnapshot snapshot() {
        return new MetricsSnapshot(Instant.EPOCH, List.of());
    }
}
