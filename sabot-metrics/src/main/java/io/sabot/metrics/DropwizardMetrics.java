package io.sabot.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Reservoir;
import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.Gauge;
import io.sabot.api.metrics.Histogram;
import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.MetricType;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsSnapshot;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.metrics.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The {@link Metrics} facade on a Dropwizard {@link MetricRegistry}.
 *
 * <p>Every series is a Dropwizard metric registered in {@link #registry()} under its metric name followed by its
 * labels in the Prometheus style, for example {@code sabot_events_processed_total{agent="a",channel="in"}}, so any
 * Dropwizard reporter (JMX, console, Graphite) attached to the registry sees it. Counters are Dropwizard counters,
 * settable and callback gauges are {@code Gauge<Double>}s, timers are Dropwizard timers fed in nanoseconds, and
 * histograms are Dropwizard histograms. Their quantiles come from a reservoir of the most recent
 * {@value #DEFAULT_RESERVOIR_SIZE} values per series (lock-free to update, cheap to snapshot; see
 * {@link Builder#reservoirSize(int)} and {@link Builder#reservoir(Supplier)}), and this facade also keeps their
 * exact sums.
 * Metrics registered in the registry by other code are not part of {@link #snapshot()}.
 *
 * <p>A handle returned by a lookup is a direct reference to its series: keep it, and an update costs a call on the
 * Dropwizard metric. A lookup costs one hash lookup for the metric and one for its label values.
 *
 * <p>Cardinality: each metric holds at most {@link Builder#maxSeriesPerMetric(int)} label sets (default
 * {@value #DEFAULT_MAX_SERIES_PER_METRIC}), or the per-metric override. Past the cap a lookup of a new label set
 * returns a handle that records nothing and counts one in
 * {@code sabot_metrics_dropped_series_total{metric="<name>"}}. That counter itself is not capped: it has one series
 * per metric name. Removing series with {@link #remove(MetricDescriptor, String...)} makes room again.
 *
 * <p>Thread-safety: all methods are safe to call from any number of threads.
 */
public final class DropwizardMetrics implements Metrics {

    /** The default cap on label sets per metric. */
    public static final int DEFAULT_MAX_SERIES_PER_METRIC = 1_000;
    /** The default number of recent values each timer and histogram keeps for its quantiles. */
    public static final int DEFAULT_RESERVOIR_SIZE = 1_028;

    private final MetricRegistry registry;
    private final int maxSeriesPerMetric;
    private final Map<String, Integer> maxSeriesByMetric;
    private final Clock clock;
    private final Supplier<? extends Reservoir> reservoirs;
    private final ConcurrentHashMap<String, MetricFamily> families = new ConcurrentHashMap<>();

    private DropwizardMetrics(Builder builder) {
        this.registry = builder.registry != null ? builder.registry : new MetricRegistry();
        this.maxSeriesPerMetric = builder.maxSeriesPerMetric;
        this.maxSeriesByMetric = Map.copyOf(builder.maxSeriesByMetric);
        this.clock = builder.clock;
        int reservoirSize = builder.reservoirSize;
        this.reservoirs = builder.reservoirs != null ? builder.reservoirs
                : () -> new RecentValuesReservoir(reservoirSize);
    }

    /** {@return a facade on a new registry with the defaults of {@link Builder}} */
    public static DropwizardMetrics create() {
        return builder().build();
    }

    /** {@return a builder with the documented defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The registry holding every series, for attaching Dropwizard reporters. Do not remove Sabot's metrics from it
     * directly; use {@link #remove(MetricDescriptor, String...)}.
     *
     * @return the registry
     */
    public MetricRegistry registry() {
        return registry;
    }

    /** {@return the default cap on label sets per metric} */
    public int maxSeriesPerMetric() {
        return maxSeriesPerMetric;
    }

    @Override
    public Counter counter(MetricDescriptor descriptor, String... labelValues) {
        SeriesHandle series = lookup(descriptor, MetricType.COUNTER, labelValues);
        return series != null ? (Counter) series : Metrics.noop().counter(descriptor);
    }

    @Override
    public Gauge gauge(MetricDescriptor descriptor, String... labelValues) {
        SeriesHandle series = lookup(descriptor, MetricType.GAUGE, labelValues);
        if (series == null) {
            return Metrics.noop().gauge(descriptor);
        }
        if (series instanceof Gauge settable) {
            return settable;
        }
        throw new IllegalArgumentException("gauge " + series.dropwizardName()
                + " reads a callback and cannot be set; remove it first or keep using the callback");
    }

    @Override
    public void gauge(MetricDescriptor descriptor, DoubleSupplier value, String... labelValues) {
        Objects.requireNonNull(value, () -> "gauge '" + descriptor.name() + "': the value supplier is null");
        MetricFamily family = family(descriptor, MetricType.GAUGE);
        descriptor.checkLabelValues(labelValues);
        SeriesHandle series = family.replace(LabelKey.lookup(labelValues),
                key -> register(new SeriesHandle.CallbackGaugeSeries(key.toList(),
                        MetricFamily.dropwizardName(family.descriptor(), key.toList()), value)),
                old -> registry.remove(old.dropwizardName()));
        if (series == null) {
            dropped(descriptor);
        }
    }

    @Override
    public Timer timer(MetricDescriptor descriptor, String... labelValues) {
        SeriesHandle series = lookup(descriptor, MetricType.TIMER, labelValues);
        return series != null ? (Timer) series : Metrics.noop().timer(descriptor);
    }

    @Override
    public Histogram histogram(MetricDescriptor descriptor, String... labelValues) {
        SeriesHandle series = lookup(descriptor, MetricType.HISTOGRAM, labelValues);
        return series != null ? (Histogram) series : Metrics.noop().histogram(descriptor);
    }

    @Override
    public void remove(MetricDescriptor descriptor, String... labelValues) {
        MetricFamily family = families.get(descriptor.name());
        if (family == null) {
            return;
        }
        family.checkCompatible(descriptor);
        descriptor.checkLabelValues(labelValues);
        family.remove(LabelKey.lookup(labelValues), old -> registry.remove(old.dropwizardName()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Metrics are ordered by name and series by label values. Timer values are in seconds; timer and histogram
     * quantiles are 0.5, 0.9 and 0.99 of the reservoir's recent values.
     */
    @Override
    public MetricsSnapshot snapshot() {
        List<MetricFamily> all = new ArrayList<>(families.values());
        all.sort(Comparator.comparing(f -> f.descriptor().name()));
        List<MetricsSnapshot.Family> snapshots = new ArrayList<>(all.size());
        for (MetricFamily family : all) {
            snapshots.add(family.snapshot());
        }
        return new MetricsSnapshot(clock.instant(), snapshots);
    }

    private SeriesHandle lookup(MetricDescriptor descriptor, MetricType type, String[] labelValues) {
        MetricFamily family = family(descriptor, type);
        descriptor.checkLabelValues(labelValues);
        LabelKey key = LabelKey.lookup(labelValues);
        SeriesHandle series = family.get(key);
        if (series != null) {
            return series;
        }
        series = family.getOrCreate(key, stored -> register(newSeries(family.descriptor(), stored.toList())));
        if (series == null) {
            dropped(descriptor);
        }
        return series;
    }

    private MetricFamily family(MetricDescriptor descriptor, MetricType type) {
        if (descriptor.type() != type) {
            throw new IllegalArgumentException("metric '" + descriptor.name() + "' is a " + descriptor.type()
                    + ", not a " + type + "; ask for it with the method of its type");
        }
        MetricFamily family = families.get(descriptor.name());
        if (family == null) {
            family = families.computeIfAbsent(descriptor.name(),
                    name -> new MetricFamily(descriptor, capFor(descriptor)));
        }
        family.checkCompatible(descriptor);
        return family;
    }

    private int capFor(MetricDescriptor descriptor) {
        if (descriptor.name().equals(StandardMetrics.DROPPED_SERIES.name())) {
            return Integer.MAX_VALUE; // one series per metric name: bounded by the code, and counting it must not recurse
        }
        return maxSeriesByMetric.getOrDefault(descriptor.name(), maxSeriesPerMetric);
    }

    private void dropped(MetricDescriptor descriptor) {
        counter(StandardMetrics.DROPPED_SERIES, descriptor.name()).inc();
    }

    private SeriesHandle newSeries(MetricDescriptor descriptor, List<String> labelValues) {
        String name = MetricFamily.dropwizardName(descriptor, labelValues);
        return switch (descriptor.type()) {
            case COUNTER -> new SeriesHandle.CounterSeries(labelValues, name);
            case GAUGE -> new SeriesHandle.SettableGaugeSeries(labelValues, name);
            case TIMER -> new SeriesHandle.TimerSeries(labelValues, name,
                    reservoir());
            case HISTOGRAM -> new SeriesHandle.HistogramSeries(labelValues, name,
                    reservoir());
        };
    }

    private Reservoir reservoir() {
        return Objects.requireNonNull(reservoirs.get(), "the reservoir supplier returned null");
    }

    private SeriesHandle register(SeriesHandle series) {
        try {
            registry.register(series.dropwizardName(), series.dropwizardMetric());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Dropwizard registry already holds a metric named '"
                    + series.dropwizardName() + "' that Sabot did not create; remove it or use another registry", e);
        }
        return series;
    }

    /**
     * Builds a {@link DropwizardMetrics}. Defaults: a new {@link MetricRegistry}, at most
     * {@value DropwizardMetrics#DEFAULT_MAX_SERIES_PER_METRIC} label sets per metric, quantiles over the last
     * {@value DropwizardMetrics#DEFAULT_RESERVOIR_SIZE} values of each timer and histogram, the UTC system clock.
     *
     * <p>Not thread-safe; build once.
     */
    public static final class Builder {
        private MetricRegistry registry;
        private int maxSeriesPerMetric = DEFAULT_MAX_SERIES_PER_METRIC;
        private final Map<String, Integer> maxSeriesByMetric = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private int reservoirSize = DEFAULT_RESERVOIR_SIZE;
        private Supplier<? extends Reservoir> reservoirs;

        private Builder() {
        }

        /**
         * Sets how many recent values each timer and histogram keeps for its quantiles.
         *
         * @param size one or more; default {@value DropwizardMetrics#DEFAULT_RESERVOIR_SIZE}
         * @return this builder
         */
        public Builder reservoirSize(int size) {
            this.reservoirSize = checkCap(size, "reservoirSize");
            return this;
        }

        /**
         * Replaces the reservoir of timers and histograms, for example with Dropwizard's
         * {@code LockFreeExponentiallyDecayingReservoir} (time-biased quantiles, but slower to snapshot).
         *
         * @param reservoirs makes one new reservoir per series; default the most recent values
         * @return this builder
         */
        public Builder reservoir(Supplier<? extends Reservoir> reservoirs) {
            this.reservoirs = Objects.requireNonNull(reservoirs, "reservoirs");
            return this;
        }

        /**
         * Uses an existing registry, for example one that already has reporters attached.
         *
         * @param registry the registry; default a new one
         * @return this builder
         */
        public Builder registry(MetricRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Sets the cap on label sets per metric.
         *
         * @param max one or more; default {@value DropwizardMetrics#DEFAULT_MAX_SERIES_PER_METRIC}
         * @return this builder
         */
        public Builder maxSeriesPerMetric(int max) {
            this.maxSeriesPerMetric = checkCap(max, "maxSeriesPerMetric");
            return this;
        }

        /**
         * Sets the cap on label sets of one metric, overriding {@link #maxSeriesPerMetric(int)} for it.
         *
         * @param metricName the metric's name
         * @param max        one or more
         * @return this builder
         */
        public Builder maxSeries(String metricName, int max) {
            Objects.requireNonNull(metricName, "metricName");
            maxSeriesByMetric.put(metricName, checkCap(max, "maxSeries for " + metricName));
            return this;
        }

        /**
         * Sets the clock that stamps snapshots.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** {@return the facade} */
        public DropwizardMetrics build() {
            return new DropwizardMetrics(this);
        }

        private static int checkCap(int max, String what) {
            if (max < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, got " + max);
            }
            return max;
        }
    }
}
