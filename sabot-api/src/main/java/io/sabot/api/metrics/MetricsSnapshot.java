package io.sabot.api.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every series of a {@link Metrics} facade at one moment, grouped by metric. Immutable.
 *
 * @param at       when the snapshot was taken
 * @param families one entry per metric, each with its series
 */
public record MetricsSnapshot(Instant at, List<Family> families) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param at when the snapshot was taken
     * @param families one entry per metric, each with its series
     */
    public MetricsSnapshot {
        Objects.requireNonNull(at, "at");
        families = List.copyOf(families);
    }

    /**
     * One metric and its series.
     *
     * @param descriptor the metric
     * @param series     its series, one per label set
     */
    public record Family(MetricDescriptor descriptor, List<Series> series) {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param descriptor the metric
         * @param series its series, one per label set
         */
        public Family {
            Objects.requireNonNull(descriptor, "descriptor");
            series = List.copyOf(series);
        }
    }

    /**
     * One series' value. For a counter, {@code count} is the count and {@code value} the same as a double; for a
     * gauge, {@code value} is the value; for a timer (in seconds) or a histogram, {@code count} and {@code sum}
     * describe the distribution and {@code quantiles} gives the recent quantiles (keys 0.5, 0.9, 0.99, ...).
     *
     * @param labelValues one per label name of the family
     * @param count       the number of increments or recordings
     * @param sum         the sum of recorded values (seconds for a timer); 0 for counters and gauges
     * @param value       the counter's count or the gauge's value; 0 for timers and histograms
     * @param quantiles   quantile to value; empty for counters and gauges
     */
    public record Series(List<String> labelValues, long count, double sum, double value,
                         java.util.SortedMap<Double, Double> quantiles) {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param labelValues one per label name of the family
         * @param count the number of increments or recordings
         * @param sum the sum of recorded values (seconds for a timer); 0 for counters and gauges
         * @param value the counter's count or the gauge's value; 0 for timers and histograms
         * @param quantiles quantile to value; empty for counters and gauges
         */
        public Series {
            labelValues = List.copyOf(labelValues);
            quantiles = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(quantiles));
        }
    }
}
