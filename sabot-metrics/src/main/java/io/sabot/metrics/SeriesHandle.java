package io.sabot.metrics;

import io.sabot.api.metrics.MetricsSnapshot;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * One registered series: a direct reference to its Dropwizard metric, plus what the Dropwizard metric lacks (the
 * sum of a timer or histogram). The handles given to callers are these objects, so an update is a call on the
 * Dropwizard metric with no lookup.
 *
 * <p>Thread-safety: every subclass is safe to update and read from any number of threads.
 */
abstract sealed class SeriesHandle
        permits SeriesHandle.CounterSeries, SeriesHandle.SettableGaugeSeries, SeriesHandle.CallbackGaugeSeries,
        SeriesHandle.TimerSeries, SeriesHandle.HistogramSeries {

    /** The quantiles reported for timers and histograms. */
    static final double[] QUANTILES = {0.5, 0.9, 0.99};

    private static final double NANOS_PER_SECOND = 1e9;

    private final List<String> labelValues;
    private final String dropwizardName;

    SeriesHandle(List<String> labelValues, String dropwizardName) {
        this.labelValues = labelValues;
        this.dropwizardName = dropwizardName;
    }

    /** @return the series' label values */
    final List<String> labelValues() {
        return labelValues;
    }

    /** @return the name under which the Dropwizard metric is registered */
    final String dropwizardName() {
        return dropwizardName;
    }

    /** @return the Dropwizard metric behind this series */
    abstract com.codahale.metrics.Metric dropwizardMetric();

    /** @return this series' current value */
    abstract MetricsSnapshot.Series snapshot();

    private static SortedMap<Double, Double> quantiles(com.codahale.metrics.Reservoir reservoir,
                                                        com.codahale.metrics.Sampling sampling, double scale) {
        SortedMap<Double, Double> quantiles = new TreeMap<>();
        if (reservoir instanceof RecentValuesReservoir recent) {
            double[] values = recent.quantiles(QUANTILES);
            for (int i = 0; i < QUANTILES.length; i++) {
                quantiles.put(QUANTILES[i], values[i] / scale);
            }
        } else {
            com.codahale.metrics.Snapshot snapshot = sampling.getSnapshot();
            for (double q : QUANTILES) {
                quantiles.put(q, snapshot.getValue(q) / scale);
            }
        }
        return quantiles;
    }

    /** A counter on a Dropwizard {@link com.codahale.metrics.Counter}. */
    static final class CounterSeries extends SeriesHandle implements io.sabot.api.metrics.Counter {
        private final com.codahale.metrics.Counter counter = new com.codahale.metrics.Counter();

        CounterSeries(List<String> labelValues, String dropwizardName) {
            super(labelValues, dropwizardName);
        }

        @Override
        public void inc(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("a counter only goes up: cannot add " + n
                        + " to " + dropwizardName() + "; use a gauge for values that go down");
            }
            counter.inc(n);
        }

        @Override
        public long count() {
            return counter.getCount();
        }

        @Override
        com.codahale.metrics.Metric dropwizardMetric() {
            return counter;
        }

        @Override
        MetricsSnapshot.Series snapshot() {
            long count = counter.getCount();
            return new MetricsSnapshot.Series(labelValues(), count, 0, count, Collections.emptySortedMap());
        }
    }

    /** A gauge set by its callers, exposed to Dropwizard as a {@code Gauge<Double>}. */
    static final class SettableGaugeSeries extends SeriesHandle
            implements io.sabot.api.metrics.Gauge, com.codahale.metrics.Gauge<Double> {
        private volatile double value;

        SettableGaugeSeries(List<String> labelValues, String dropwizardName) {
            super(labelValues, dropwizardName);
        }

        @Override
        public void set(double newValue) {
            value = newValue;
        }

        @Override
        public double value() {
            return value;
        }

        @Override
        public Double getValue() {
            return value;
        }

        @Override
        com.codahale.metrics.Metric dropwizardMetric() {
            return this;
        }

        @Override
        MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues(), 0, 0, value, Collections.emptySortedMap());
        }
    }

    /** A gauge read from a callback at each snapshot; a callback that throws reads as NaN. */
    static final class CallbackGaugeSeries extends SeriesHandle implements com.codahale.metrics.Gauge<Double> {
        private final DoubleSupplier supplier;

        CallbackGaugeSeries(List<String> labelValues, String dropwizardName, DoubleSupplier supplier) {
            super(labelValues, dropwizardName);
            this.supplier = supplier;
        }

        @Override
        public Double getValue() {
            return read();
        }

        double read() {
            try {
                return supplier.getAsDouble();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }

        @Override
        com.codahale.metrics.Metric dropwizardMetric() {
            return this;
        }

        @Override
        MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues(), 0, 0, read(), Collections.emptySortedMap());
        }
    }

    /** A timer on a Dropwizard {@link com.codahale.metrics.Timer} (nanoseconds) plus the sum of its durations. */
    static final class TimerSeries extends SeriesHandle implements io.sabot.api.metrics.Timer {
        private final com.codahale.metrics.Reservoir reservoir;
        private final com.codahale.metrics.Timer timer;
        private final LongAdder sumNanos = new LongAdder();

        TimerSeries(List<String> labelValues, String dropwizardName, com.codahale.metrics.Reservoir reservoir) {
            super(labelValues, dropwizardName);
            this.reservoir = reservoir;
            this.timer = new com.codahale.metrics.Timer(reservoir);
        }

        @Override
        public void recordNanos(long nanos) {
            if (nanos < 0) {
                return; // a clock step backwards; Dropwizard ignores these too
            }
            timer.update(nanos, TimeUnit.NANOSECONDS);
            sumNanos.add(nanos);
        }

        @Override
        public long count() {
            return timer.getCount();
        }

        @Override
        com.codahale.metrics.Metric dropwizardMetric() {
            return timer;
        }

        @Override
        MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues(), timer.getCount(), sumNanos.sum() / NANOS_PER_SECOND,
                    0, quantiles(reservoir, timer, NANOS_PER_SECOND));
        }
    }

    /**
     * A histogram on a Dropwizard {@link com.codahale.metrics.Histogram} plus the exact sum of its values. The
     * Dropwizard reservoir holds whole numbers, so quantiles are of values rounded to the nearest whole unit.
     */
    static final class HistogramSeries extends SeriesHandle implements io.sabot.api.metrics.Histogram {
        private final com.codahale.metrics.Reservoir reservoir;
        private final com.codahale.metrics.Histogram histogram;
        private final DoubleAdder sum = new DoubleAdder();

        HistogramSeries(List<String> labelValues, String dropwizardName, com.codahale.metrics.Reservoir reservoir) {
            super(labelValues, dropwizardName);
            this.reservoir = reservoir;
            this.histogram = new com.codahale.metrics.Histogram(reservoir);
        }

        @Override
        public void update(double value) {
            if (!Double.isFinite(value)) {
                return; // NaN or an infinity would poison the sum
            }
            histogram.update(Math.round(value));
            sum.add(value);
        }

        @Override
        public long count() {
            return histogram.getCount();
        }

        @Override
        com.codahale.metrics.Metric dropwizardMetric() {
            return histogram;
        }

        @Override
        MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues(), histogram.getCount(), sum.sum(), 0,
                    quantiles(reservoir, histogram, 1));
        }
    }
}
