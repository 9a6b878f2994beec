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
 * One registered series. Each implementation <em>is</em> its Dropwizard metric (a subclass of the Dropwizard
 * counter, timer or histogram, or a Dropwizard gauge) and also the handle given to callers, so an update through a
 * handle is the Dropwizard update itself, with no lookup and no extra indirection. Timers and histograms also keep
 * the exact sum, which Dropwizard lacks.
 *
 * <p>Thread-safety: every implementation is safe to update and read from any number of threads.
 */
sealed interface SeriesHandle
        permits SeriesHandle.CounterSeries, SeriesHandle.SettableGaugeSeries, SeriesHandle.CallbackGaugeSeries,
        SeriesHandle.TimerSeries, SeriesHandle.HistogramSeries {

    /** The quantiles reported for timers and histograms. */
    double[] QUANTILES = {0.5, 0.9, 0.99};

    /** {@return the series' label values} */
    List<String> labelValues();

    /** {@return the name under which the Dropwizard metric is registered} */
    String dropwizardName();

    /** {@return the Dropwizard metric behind this series (this object)} */
    com.codahale.metrics.Metric dropwizardMetric();

    /** {@return this series' current value} */
    MetricsSnapshot.Series snapshot();

    /**
     * The reported quantiles of a reservoir.
     *
     * @param reservoir the reservoir, read directly when it is a {@link RecentValuesReservoir}
     * @param sampling  its metric, for other reservoirs
     * @param scale     what to divide values by (1e9 for nanoseconds to seconds)
     * @return quantile to value
     */
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

    /** A counter that is a Dropwizard {@link com.codahale.metrics.Counter}; it refuses to go down. */
    final class CounterSeries extends com.codahale.metrics.Counter
            implements SeriesHandle, io.sabot.api.metrics.Counter {
        private final List<String> labelValues;
        private final String dropwizardName;

        CounterSeries(List<String> labelValues, String dropwizardName) {
            this.labelValues = labelValues;
            this.dropwizardName = dropwizardName;
        }

        @Override
        public void inc() {
            super.inc(1);
        }

        @Override
        public void inc(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("a counter only goes up: cannot add " + n
                        + " to " + dropwizardName + "; use a gauge for values that go down");
            }
            super.inc(n);
        }

        @Override
        public void dec(long n) {
            throw new UnsupportedOperationException("a counter only goes up: " + dropwizardName
                    + " cannot be decremented; use a gauge for values that go down");
        }

        @Override
        public void dec() {
            dec(1);
        }

        @Override
        public long count() {
            return getCount();
        }

        @Override
        public List<String> labelValues() {
            return labelValues;
        }

        @Override
        public String dropwizardName() {
            return dropwizardName;
        }

        @Override
        public com.codahale.metrics.Metric dropwizardMetric() {
            return this;
        }

        @Override
        public MetricsSnapshot.Series snapshot() {
            long count = getCount();
            return new MetricsSnapshot.Series(labelValues, count, 0, count, Collections.emptySortedMap());
        }
    }

    /** A gauge set by its callers, exposed to Dropwizard as a {@code Gauge<Double>}. */
    final class SettableGaugeSeries
            implements SeriesHandle, io.sabot.api.metrics.Gauge, com.codahale.metrics.Gauge<Double> {
        private final List<String> labelValues;
        private final String dropwizardName;
        private volatile double value;

        SettableGaugeSeries(List<String> labelValues, String dropwizardName) {
            this.labelValues = labelValues;
            this.dropwizardName = dropwizardName;
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
        public List<String> labelValues() {
            return labelValues;
        }

        @Override
        public String dropwizardName() {
            return dropwizardName;
        }

        @Override
        public com.codahale.metrics.Metric dropwizardMetric() {
            return this;
        }

        @Override
        public MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues, 0, 0, value, Collections.emptySortedMap());
        }
    }

    /** A gauge read from a callback at each snapshot; a callback that throws reads as NaN. */
    final class CallbackGaugeSeries implements SeriesHandle, com.codahale.metrics.Gauge<Double> {
        private final List<String> labelValues;
        private final String dropwizardName;
        private final DoubleSupplier supplier;

        CallbackGaugeSeries(List<String> labelValues, String dropwizardName, DoubleSupplier supplier) {
            this.labelValues = labelValues;
            this.dropwizardName = dropwizardName;
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
        public List<String> labelValues() {
            return labelValues;
        }

        @Override
        public String dropwizardName() {
            return dropwizardName;
        }

        @Override
        public com.codahale.metrics.Metric dropwizardMetric() {
            return this;
        }

        @Override
        public MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues, 0, 0, read(), Collections.emptySortedMap());
        }
    }

    /** A timer that is a Dropwizard {@link com.codahale.metrics.Timer} (fed in nanoseconds), plus its exact sum. */
    final class TimerSeries extends com.codahale.metrics.Timer implements SeriesHandle, io.sabot.api.metrics.Timer {
        private static final double NANOS_PER_SECOND = 1e9;

        private final List<String> labelValues;
        private final String dropwizardName;
        private final com.codahale.metrics.Reservoir reservoir;
        private final LongAdder sumNanos = new LongAdder();

        TimerSeries(List<String> labelValues, String dropwizardName, com.codahale.metrics.Reservoir reservoir) {
            super(reservoir);
            this.labelValues = labelValues;
            this.dropwizardName = dropwizardName;
            this.reservoir = reservoir;
        }

        @Override
        public void recordNanos(long nanos) {
            if (nanos < 0) {
                return; // a clock step backwards; Dropwizard ignores these too
            }
            update(nanos, TimeUnit.NANOSECONDS);
            sumNanos.add(nanos);
        }

        @Override
        public long count() {
            return getCount();
        }

        @Override
        public List<String> labelValues() {
            return labelValues;
        }

        @Override
        public String dropwizardName() {
            return dropwizardName;
        }

        @Override
        public com.codahale.metrics.Metric dropwizardMetric() {
            return this;
        }

        @Override
        public MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues, getCount(), sumNanos.sum() / NANOS_PER_SECOND, 0,
                    quantiles(reservoir, this, NANOS_PER_SECOND));
        }
    }

    /**
     * A histogram that is a Dropwizard {@link com.codahale.metrics.Histogram}, plus the exact sum of its values.
     * The Dropwizard reservoir holds whole numbers, so quantiles are of values rounded to the nearest whole unit.
     * NaN and infinite values are ignored.
     */
    final class HistogramSeries extends com.codahale.metrics.Histogram
            implements SeriesHandle, io.sabot.api.metrics.Histogram {
        private final List<String> labelValues;
        private final String dropwizardName;
        private final com.codahale.metrics.Reservoir reservoir;
        private final DoubleAdder sum = new DoubleAdder();

        HistogramSeries(List<String> labelValues, String dropwizardName, com.codahale.metrics.Reservoir reservoir) {
            super(reservoir);
            this.labelValues = labelValues;
            this.dropwizardName = dropwizardName;
            this.reservoir = reservoir;
        }

        @Override
        public void update(double value) {
            if (!Double.isFinite(value)) {
                return; // NaN or an infinity would poison the sum
            }
            update(Math.round(value));
            sum.add(value);
        }

        @Override
        public long count() {
            return getCount();
        }

        @Override
        public List<String> labelValues() {
            return labelValues;
        }

        @Override
        public String dropwizardName() {
            return dropwizardName;
        }

        @Override
        public com.codahale.metrics.Metric dropwizardMetric() {
            return this;
        }

        @Override
        public MetricsSnapshot.Series snapshot() {
            return new MetricsSnapshot.Series(labelValues, getCount(), sum.sum(), 0,
                    quantiles(reservoir, this, 1));
        }
    }
}
