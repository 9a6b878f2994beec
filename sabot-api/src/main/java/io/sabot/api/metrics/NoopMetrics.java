package io.sabot.api.metrics;

import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;

/** The facade used when no metrics module is installed: every handle records nothing. */
final class NoopMetrics implements Metrics, Counter, Gauge, Timer, Histogram {

    static final NoopMetrics INSTANCE = new NoopMetrics();

    private NoopMetrics() {
    }

    @Override
    public Counter counter(MetricDescriptor descriptor, String... labelValues) {
        return this;
    }

    @Override
    public Gauge gauge(MetricDescriptor descriptor, String... labelValues) {
        return this;
    }

    @Override
    public void gauge(MetricDescriptor descriptor, DoubleSupplier value, String... labelValues) {
        // nothing is recorded
    }

    @Override
    public Timer timer(MetricDescriptor descriptor, String... labelValues) {
        return this;
    }

    @Override
    public Histogram histogram(MetricDescriptor descriptor, String... labelValues) {
        return this;
    }

    @Override
    public void remove(MetricDescriptor descriptor, String... labelValues) {
        // nothing to remove
    }

    @Override
    public MetricsSnapshot snapshot() {
        return new MetricsSnapshot(Instant.EPOCH, List.of());
    }

    @Override
    public void inc(long n) {
        // nothing is recorded
    }

    @Override
    public void set(double value) {
        // nothing is recorded
    }

    @Override
    public double value() {
        return 0;
    }

    @Override
    public void recordNanos(long nanos) {
        // nothing is recorded
    }

    @Override
    public void update(double value) {
        // nothing is recorded
    }

    @Override
    public long count() {
        return 0;
    }
}
