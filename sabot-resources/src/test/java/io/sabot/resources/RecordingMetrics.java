package io.sabot.resources;

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

/** A small in-memory {@link Metrics} for tests: counters and gauges by name and label values. */
final class RecordingMetrics implements Metrics {

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();

    static String key(MetricDescriptor d, String... labels) {
        return d.name() + List.of(labels);
    }

    long count(MetricDescriptor d, String... labels) {
        AtomicLong c = counters.get(key(d, labels));
        return c == null ? 0 : c.get();
    }

    Double gaugeValue(MetricDescriptor d, String... labels) {
        double[] g = gauges.get(key(d, labels));
        return g == null ? null : g[0];
    }

    @Override
    public Counter counter(MetricDescriptor descriptor, String... labelValues) {
        descriptor.checkLabelValues(labelValues);
        AtomicLong c = counters.computeIfAbsent(key(descriptor, labelValues), k -> new AtomicLong());
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
    public Gauge gauge(MetricDescriptor descriptor, String... labelValues) {
        descriptor.checkLabelValues(labelValues);
        String key = key(descriptor, labelValues);
        return new Gauge() {
            @Override
            public void set(double value) {
                gauges.computeIfAbsent(key, k -> new double[1])[0] = value;
            }

            @Override
            public double value() {
                double[] g = gauges.get(key);
                return g == null ? 0 : g[0];
            }
        };
    }

    @Override
    public void gauge(MetricDescriptor descriptor, DoubleSupplier value, String... labelValues) {
        gauges.put(key(descriptor, labelValues), new double[] {value.getAsDouble()});
    }

    @Override
    public Timer timer(MetricDescriptor descriptor, String... labelValues) {
        throw new UnsupportedOperationException("not used by the resources module");
    }

    @Override
    public Histogram histogram(MetricDescriptor descriptor, String... labelValues) {
        throw new UnsupportedOperationException("not used by the resources module");
    }

    @Override
    public void remove(MetricDescriptor descriptor, String... labelValues) {
        gauges.remove(key(descriptor, labelValues));
        counters.remove(key(descriptor, labelValues));
    }

    @Override
    public MetricsSnapshot snapshot() {
        return new MetricsSnapshot(Instant.now(), List.of());
    }
}
