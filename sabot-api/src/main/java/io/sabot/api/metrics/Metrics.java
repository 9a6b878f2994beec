package io.sabot.api.metrics;

import java.util.function.DoubleSupplier;

/**
 * The metrics facade: hands out handles to series (a metric and one set of label values) and takes snapshots.
 *
 * <p>Looking a series up by descriptor and label values is meant for set-up and for rare events; on a hot path,
 * look the handle up once and keep it. Each metric holds a bounded number of label sets (the implementation's
 * cardinality cap): past it, lookups return a handle that records nothing, and the drop is counted in
 * {@link StandardMetrics#DROPPED_SERIES}. Asking for a name already registered with another type or other labels
 * fails with an {@link IllegalArgumentException}.
 *
 * <p>Without a metrics module the runtime uses {@link #noop()}. Thread-safety: implementations must be
 * thread-safe.
 */
public interface Metrics {

    /**
     * The counter series of a descriptor and label values, created on first use.
     *
     * @param descriptor  a {@link MetricType#COUNTER} descriptor
     * @param labelValues one value per label name
     * @return the handle
     */
    Counter counter(MetricDescriptor descriptor, String... labelValues);

    /**
     * The settable gauge series of a descriptor and label values, created on first use.
     *
     * @param descriptor  a {@link MetricType#GAUGE} descriptor
     * @param labelValues one value per label name
     * @return the handle
     */
    Gauge gauge(MetricDescriptor descriptor, String... labelValues);

    /**
     * Registers a gauge series whose value is read from {@code value} at each snapshot, replacing any earlier one
     * for the same labels. The supplier must be cheap and thread-safe.
     *
     * @param descriptor  a {@link MetricType#GAUGE} descriptor
     * @param value       reads the current value
     * @param labelValues one value per label name
     */
    void gauge(MetricDescriptor descriptor, DoubleSupplier value, String... labelValues);

    /**
     * The timer series of a descriptor and label values, created on first use.
     *
     * @param descriptor  a {@link MetricType#TIMER} descriptor
     * @param labelValues one value per label name
     * @return the handle
     */
    Timer timer(MetricDescriptor descriptor, String... labelValues);

    /**
     * The histogram series of a descriptor and label values, created on first use.
     *
     * @param descriptor  a {@link MetricType#HISTOGRAM} descriptor
     * @param labelValues one value per label name
     * @return the handle
     */
    Histogram histogram(MetricDescriptor descriptor, String... labelValues);

    /**
     * Removes one series (for example the gauges of an agent that was deleted). Does nothing if absent.
     *
     * @param descriptor  the metric
     * @param labelValues the series' label values
     */
    void remove(MetricDescriptor descriptor, String... labelValues);

    /** {@return the current value of every series} */
    MetricsSnapshot snapshot();

    /** {@return a facade that records nothing and snapshots as empty; shared and stateless} */
    static Metrics noop() {
        return NoopMetrics.INSTANCE;
    }
}
