/**
 * The neutral metrics model: {@link io.sabot.api.metrics.Metrics} hands out cheap handles
 * ({@link io.sabot.api.metrics.Counter}, {@link io.sabot.api.metrics.Gauge}, {@link io.sabot.api.metrics.Timer},
 * {@link io.sabot.api.metrics.Histogram}) for a {@link io.sabot.api.metrics.MetricDescriptor} and label values,
 * and takes {@link io.sabot.api.metrics.MetricsSnapshot}s that {@link io.sabot.api.metrics.MetricsExporter}s send
 * on. {@link io.sabot.api.metrics.StandardMetrics} is the catalogue every module emits into.
 *
 * <p>Names follow the Prometheus conventions: snake case, base units as suffixes ({@code _seconds},
 * {@code _bytes}, {@code _ratio}), counters ending in {@code _total}.
 */
package io.sabot.api.metrics;
