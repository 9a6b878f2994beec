package io.sabot.tck.metrics;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.Gauge;
import io.sabot.api.metrics.Histogram;
import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.MetricType;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsSnapshot;
import io.sabot.api.metrics.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A {@link Metrics} facade that keeps every series in memory, so a test can check what the code under test
 * recorded. Hand it to that code wherever a {@code Metrics} is taken, then read the series back with
 * {@link #count(MetricDescriptor, String...) count}, {@link #sum(MetricDescriptor, String...) sum},
 * {@link #gaugeValue(MetricDescriptor, String...) gaugeValue}, {@link #hasSeries(MetricDescriptor, String...)
 * hasSeries} and {@link #labelSets(MetricDescriptor) labelSets}, or take a {@link #snapshot()} as an exporter
 * would:
 *
 * <pre>{@code
 * RecordingMetrics metrics = new RecordingMetrics();
 * MyStore store = new MyStore(metrics);
 * store.write("key", bytes);
 * assertThat(metrics.count(MY_WRITES_TOTAL, "ok")).isEqualTo(1);
 * assertThat(metrics.gaugeValue(MY_STORED_BYTES)).hasValue(bytes.length);
 * }</pre>
 *
 * <p>It holds the code under test to the contract of {@link Metrics} as strictly as the Dropwizard facade of
 * {@code sabot-metrics} does, so a misuse fails the test rather than production:
 * <ul>
 *   <li>each lookup method takes descriptors of its own {@link MetricType} only, and a metric name keeps one type
 *       and one list of label names for the facade's whole life, even after its series are removed; anything else
 *       fails with an {@link IllegalArgumentException};</li>
 *   <li>label values are checked against the descriptor's label names (as many, none null) by every method,
 *       accessors included; a call that fails registers nothing;</li>
 *   <li>a gauge series is either settable or read from a callback: registering a callback replaces whatever series
 *       those labels had, and asking for a settable handle of a callback series fails until it is removed;</li>
 *   <li>a counter refuses a negative increment; a timer ignores a negative duration and a histogram a NaN or
 *       infinite value, as the Dropwizard facade does;</li>
 *   <li>{@link #remove(MetricDescriptor, String...) remove} drops a series: the next lookup creates a fresh one
 *       that starts from zero, and a handle obtained before the removal records into a detached series that
 *       nothing reads.</li>
 * </ul>
 *
 * <p>Absent series: {@code gaugeValue} returns an empty {@link OptionalDouble} for a gauge that does not exist,
 * never zero or NaN, so a test can tell a gauge that was removed (or never exported) from one that reads zero.
 * {@code count} and {@code sum} return 0 for a series never created, which is how Prometheus reads an absent
 * counter; {@code hasSeries} tells the two apart.
 *
 * <p>Unlike a production facade it has no cardinality cap (every label set is kept, nothing is counted in
 * {@link io.sabot.api.metrics.StandardMetrics#DROPPED_SERIES}), and the series of a timer or histogram in a
 * snapshot have a count and a sum but no quantiles.
 *
 * <p>Thread-safety: every method, and every handle it gives out, is safe to use from any number of threads.
 */
public final class RecordingMetrics implements Metrics {

    private static final double NANOS_PER_SECOND = 1e9;

    /** Orders the label values of one metric's series, which all have the same length. */
    private static final Comparator<List<String>> LABEL_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final Clock clock;
    private final Map<String, Family> families = new ConcurrentHashMap<>();

    /** Creates an empty facade whose snapshots are stamped with the system UTC clock. */
    public RecordingMetrics() {
        this(Clock.systemUTC());
    }

    /**
     * Creates an empty facade.
     *
     * @param clock stamps the snapshots
     */
    public RecordingMetrics(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- reading what was recorded -------------------------------------------------------------------------

    /**
     * The count of a counter, or the number of values a timer or histogram recorded.
     *
     * @param descriptor  a counter, timer or histogram
     * @param labelValues the series' label values
     * @return the count; 0 if the series does not exist
     * @throws IllegalArgumentException if the descriptor is a gauge, clashes with the metric registered under its
     *                                  name, or the label values do not match its label names
     */
    public long count(MetricDescriptor descriptor, String... labelValues) {
        if (descriptor.type() == MetricType.GAUGE) {
            throw new IllegalArgumentException("metric '" + descriptor.name()
                    + "' is a GAUGE and has no count; read it with gaugeValue");
        }
        Series series = find(descriptor, labelValues);
        return series == null ? 0 : series.snapshot(List.of()).count();
    }

    /**
     * The sum of the values a timer or histogram recorded: seconds for a timer, the histogram's unit otherwise.
     *
     * @param descriptor  a timer or histogram
     * @param labelValues the series' label values
     * @return the sum; 0 if the series does not exist
     * @throws IllegalArgumentException if the descriptor is a counter or gauge, clashes with the metric registered
     *                                  under its name, or the label values do not match its label names
     */
    public double sum(MetricDescriptor descriptor, String... labelValues) {
        if (descriptor.type() != MetricType.TIMER && descriptor.type() != MetricType.HISTOGRAM) {
            throw new IllegalArgumentException("metric '" + descriptor.name() + "' is a " + descriptor.type()
                    + "; only timers and histograms have a sum");
        }
        Series series = find(descriptor, labelValues);
        return series == null ? 0 : series.snapshot(List.of()).sum();
    }

    /**
     * The current value of a gauge series, settable or read from its callback now.
     *
     * @param descriptor  a gauge
     * @param labelValues the series' label values
     * @return the value, or empty if the series does not exist (never created, or removed)
     * @throws IllegalArgumentException if the descriptor is not a gauge, clashes with the metric registered under
     *                                  its name, or the label values do not match its label names
     * @throws RuntimeException         whatever the gauge's callback throws (a snapshot reads such a gauge as NaN,
     *                                  as the Dropwizard facade does; this accessor lets the test see the failure)
     */
    public OptionalDouble gaugeValue(MetricDescriptor descriptor, String... labelValues) {
        if (descriptor.type() != MetricType.GAUGE) {
            throw new IllegalArgumentException("metric '" + descriptor.name() + "' is a " + descriptor.type()
                    + ", not a GAUGE; read it with count or sum");
        }
        Series series = find(descriptor, labelValues);
        return series == null ? OptionalDouble.empty() : OptionalDouble.of(((GaugeSeries) series).read());
    }

    /**
     * Whether a series exists: it was looked up or registered, and not removed since.
     *
     * @param descriptor  the metric
     * @param labelValues the series' label values
     * @return true if the series exists
     * @throws IllegalArgumentException if the descriptor clashes with the metric registered under its name, or the
     *                                  label values do not match its label names
     */
    public boolean hasSeries(MetricDescriptor descriptor, String... labelValues) {
        return find(descriptor, labelValues) != null;
    }

    /**
     * The label values of every existing series of a metric, ordered as in a {@link #snapshot()}.
     *
     * @param descriptor the metric
     * @return one list of label values per series; empty if the metric has none
     * @throws IllegalArgumentException if the descriptor clashes with the metric registered under its name
     */
    public List<List<String>> labelSets(MetricDescriptor descriptor) {
        Family family = families.get(descriptor.name());
        if (family == null) {
            return List.of();
        }
        family.checkCompatible(descriptor);
        List<List<String>> labelSets = new ArrayList<>(family.series.keySet());
        labelSets.sort(LABEL_ORDER);
        return List.copyOf(labelSets);
    }

    // ---- the Metrics facade ------------------------------------------------------------------------------

    /**
     * {@inheritDoc}
     *
     * <p>The handle's {@link Counter#inc(long)} refuses a negative increment with an
     * {@link IllegalArgumentException}.
     */
    @Override
    public Counter counter(MetricDescriptor descriptor, String... labelValues) {
        return (CounterSeries) lookup(descriptor, MetricType.COUNTER, labelValues, CounterSeries::new);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if the series reads a callback registered with
     *                                  {@link #gauge(MetricDescriptor, DoubleSupplier, String...)}
     */
    @Override
    public Gauge gauge(MetricDescriptor descriptor, String... labelValues) {
        Series series = lookup(descriptor, MetricType.GAUGE, labelValues, SettableGaugeSeries::new);
        if (series instanceof SettableGaugeSeries settable) {
            return settable;
        }
        throw new IllegalArgumentException("gauge '" + descriptor.name() + "' " + List.of(labelValues)
                + " reads a callback and cannot be set; remove it first or keep using the callback");
    }

    @Override
    public void gauge(MetricDescriptor descriptor, DoubleSupplier value, String... labelValues) {
        Objects.requireNonNull(value, () -> "gauge '" + descriptor.name() + "': the value supplier is null");
        Family family = family(descriptor, MetricType.GAUGE, labelValues);
        family.series.put(List.of(labelValues), new CallbackGaugeSeries(value));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The handle ignores a negative duration, as the Dropwizard facade does.
     */
    @Override
    public Timer timer(MetricDescriptor descriptor, String... labelValues) {
        return (TimerSeries) lookup(descriptor, MetricType.TIMER, labelValues, TimerSeries::new);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The handle ignores NaN and infinite values, as the Dropwizard facade does.
     */
    @Override
    public Histogram histogram(MetricDescriptor descriptor, String... labelValues) {
        return (HistogramSeries) lookup(descriptor, MetricType.HISTOGRAM, labelValues, HistogramSeries::new);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the descriptor clashes with the metric registered under its name, or the
     *                                  label values do not match its label names
     */
    @Override
    public void remove(MetricDescriptor descriptor, String... labelValues) {
        Family family = families.get(descriptor.name());
        if (family != null) {
            family.checkCompatible(descriptor);
        }
        descriptor.checkLabelValues(labelValues);
        if (family != null) {
            family.series.remove(List.of(labelValues));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Metrics are ordered by name, series by label values; a metric whose series were all removed appears with
     * none. Stamped with this facade's clock. A counter's series has its count as count and value; a gauge's, its
     * value (NaN if its callback throws); a timer's, its count and the sum in seconds; a histogram's, its count and
     * sum. Quantiles are always empty.
     */
    @Override
    public MetricsSnapshot snapshot() {
        List<Family> all = new ArrayList<>(families.values());
        all.sort(Comparator.comparing(f -> f.descriptor.name()));
        List<MetricsSnapshot.Family> snapshots = new ArrayList<>(all.size());
        for (Family family : all) {
            List<Map.Entry<List<String>, Series>> entries = new ArrayList<>(family.series.entrySet());
            entries.sort(Map.Entry.comparingByKey(LABEL_ORDER));
            List<MetricsSnapshot.Series> values = new ArrayList<>(entries.size());
            for (Map.Entry<List<String>, Series> entry : entries) {
                values.add(entry.getValue().snapshot(entry.getKey()));
            }
            snapshots.add(new MetricsSnapshot.Family(family.descriptor, values));
        }
        return new MetricsSnapshot(clock.instant(), snapshots);
    }

    // ---- internals -------------------------------------------------------------------------------------

    private Series lookup(MetricDescriptor descriptor, MetricType type, String[] labelValues,
                          Supplier<Series> factory) {
        Family family = family(descriptor, type, labelValues);
        return family.series.computeIfAbsent(List.of(labelValues), key -> factory.get());
    }

    /** The family of a descriptor, registered if new once the arguments are known to be valid. */
    private Family family(MetricDescriptor descriptor, MetricType type, String[] labelValues) {
        if (descriptor.type() != type) {
            throw new IllegalArgumentException("metric '" + descriptor.name() + "' is a " + descriptor.type()
                    + ", not a " + type + "; ask for it with the method of its type");
        }
        descriptor.checkLabelValues(labelValues);
        Family family = families.computeIfAbsent(descriptor.name(), name -> new Family(descriptor));
        family.checkCompatible(descriptor);
        return family;
    }

    private Series find(MetricDescriptor descriptor, String[] labelValues) {
        Family family = families.get(descriptor.name());
        if (family != null) {
            family.checkCompatible(descriptor);
        }
        descriptor.checkLabelValues(labelValues);
        return family == null ? null : family.series.get(List.of(labelValues));
    }

    /** One metric: the descriptor it was first registered with, and its series by label values. */
    private static final class Family {
        final MetricDescriptor descriptor;
        final Map<List<String>, Series> series = new ConcurrentHashMap<>();

        Family(MetricDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        void checkCompatible(MetricDescriptor other) {
            if (other.type() != descriptor.type() || !other.labelNames().equals(descriptor.labelNames())) {
                throw new IllegalArgumentException("metric '" + descriptor.name() + "' is already registered as a "
                        + descriptor.type() + " with labels " + descriptor.labelNames() + "; cannot use it as a "
                        + other.type() + " with labels " + other.labelNames());
            }
        }
    }

    /** One series of any type. */
    private interface Series {
        /**
         * Its current value.
         *
         * @param labelValues its label values
         * @return the snapshot of the series
         */
        MetricsSnapshot.Series snapshot(List<String> labelValues);
    }

    /** A gauge series, settable or read from a callback. */
    private interface GaugeSeries extends Series {
        /** {@return the current value, letting a callback's exception through} */
        double read();
    }

    private static final class CounterSeries implements Series, Counter {
        private final LongAdder count = new LongAdder();

        @Override
        public void inc(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("a counter only goes up: cannot add " + n
                        + "; use a gauge for values that go down");
            }
            count.add(n);
        }

        @Override
        public long count() {
            return count.sum();
        }

        @Override
        public MetricsSnapshot.Series snapshot(List<String> labelValues) {
            long n = count();
            return new MetricsSnapshot.Series(labelValues, n, 0, n, Collections.emptySortedMap());
        }
    }

    private static final class SettableGaugeSeries implements GaugeSeries, Gauge {
        private volatile double value;

        @Override
        public void set(double newValue) {
            value = newValue;
        }

        @Override
        public double value() {
            return value;
        }

        @Override
        public double read() {
            return value;
        }

        @Override
        public MetricsSnapshot.Series snapshot(List<String> labelValues) {
            return new MetricsSnapshot.Series(labelValues, 0, 0, value, Collections.emptySortedMap());
        }
    }

    private static final class CallbackGaugeSeries implements GaugeSeries {
        private final DoubleSupplier supplier;

        CallbackGaugeSeries(DoubleSupplier supplier) {
            this.supplier = supplier;
        }

        @Override
        public double read() {
            return supplier.getAsDouble();
        }

        @Override
        public MetricsSnapshot.Series snapshot(List<String> labelValues) {
            double value;
            try {
                value = read();
            } catch (RuntimeException e) {
                value = Double.NaN;
            }
            return new MetricsSnapshot.Series(labelValues, 0, 0, value, Collections.emptySortedMap());
        }
    }

    private static final class TimerSeries implements Series, Timer {
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        @Override
        public void recordNanos(long nanos) {
            if (nanos < 0) {
                return; // a clock stepping backwards; the Dropwizard facade ignores these too
            }
            sumNanos.add(nanos);
            count.increment();
        }

        @Override
        public long count() {
            return count.sum();
        }

        @Override
        public MetricsSnapshot.Series snapshot(List<String> labelValues) {
            return new MetricsSnapshot.Series(labelValues, count(), sumNanos.sum() / NANOS_PER_SECOND, 0,
                    Collections.emptySortedMap());
        }
    }

    private static final class HistogramSeries implements Series, Histogram {
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        @Override
        public void update(double value) {
            if (!Double.isFinite(value)) {
                return; // NaN or an infinity would poison the sum
            }
            sum.add(value);
            count.increment();
        }

        @Override
        public long count() {
            return count.sum();
        }

        @Override
        public MetricsSnapshot.Series snapshot(List<String> labelValues) {
            return new MetricsSnapshot.Series(labelValues, count(), sum.sum(), 0, Collections.emptySortedMap());
        }
    }
}
