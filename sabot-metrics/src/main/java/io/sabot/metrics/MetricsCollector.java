package io.sabot.metrics;

import io.prometheus.client.Collector;
import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus simpleclient {@link Collector} over a {@link Metrics} facade: each collection takes one
 * {@link Metrics#snapshot()} and maps it without loss of type or unit.
 *
 * <ul>
 *   <li>counters become Prometheus counters, their samples named {@code <name>} (which ends in {@code _total});
 *   <li>gauges become gauges;
 *   <li>timers become summaries in seconds: {@code <name>{quantile="0.5"}} (and 0.9, 0.99), {@code <name>_sum} and
 *       {@code <name>_count};
 *   <li>histograms become summaries in their own unit, in the same shape.
 * </ul>
 *
 * <p>Register it in a {@link io.prometheus.client.CollectorRegistry} to expose Sabot's metrics next to others.
 * Thread-safety: {@link #collect()} may be called from several threads at once.
 */
public final class MetricsCollector extends Collector {

    private static final String TOTAL = "_total";

    private final Metrics metrics;

    /**
     * Creates a collector.
     *
     * @param metrics the facade to snapshot at each collection
     */
    public MetricsCollector(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return toSamples(metrics.snapshot());
    }

    /**
     * Maps a snapshot to Prometheus families, as {@link #collect()} does.
     *
     * @param snapshot the snapshot
     * @return one family per metric, in the snapshot's order
     */
    public static List<MetricFamilySamples> toSamples(MetricsSnapshot snapshot) {
        List<MetricFamilySamples> out = new ArrayList<>(snapshot.families().size());
        for (MetricsSnapshot.Family family : snapshot.families()) {
            out.add(toFamily(family));
        }
        return out;
    }

    private static MetricFamilySamples toFamily(MetricsSnapshot.Family family) {
        MetricDescriptor d = family.descriptor();
        List<String> labelNames = d.labelNames();
        List<MetricFamilySamples.Sample> samples = new ArrayList<>();
        switch (d.type()) {
            case COUNTER -> {
                for (MetricsSnapshot.Series s : family.series()) {
                    samples.add(new MetricFamilySamples.Sample(d.name(), labelNames, s.labelValues(), s.count()));
                }
                String base = d.name().substring(0, d.name().length() - TOTAL.length());
                return new MetricFamilySamples(base, Type.COUNTER, d.help(), samples);
            }
            case GAUGE -> {
                for (MetricsSnapshot.Series s : family.series()) {
                    samples.add(new MetricFamilySamples.Sample(d.name(), labelNames, s.labelValues(), s.value()));
                }
                return new MetricFamilySamples(d.name(), Type.GAUGE, d.help(), samples);
            }
            default -> {
                List<String> quantileLabels = new ArrayList<>(labelNames);
                quantileLabels.add("quantile");
                for (MetricsSnapshot.Series s : family.series()) {
                    for (Map.Entry<Double, Double> q : s.quantiles().entrySet()) {
                        List<String> values = new ArrayList<>(s.labelValues());
                        values.add(Collector.doubleToGoString(q.getKey()));
                        samples.add(new MetricFamilySamples.Sample(d.name(), quantileLabels, values, q.getValue()));
                    }
                    samples.add(new MetricFamilySamples.Sample(d.name() + "_sum", labelNames, s.labelValues(),
                            s.sum()));
                    samples.add(new MetricFamilySamples.Sample(d.name() + "_count", labelNames, s.labelValues(),
                            s.count()));
                }
                return new MetricFamilySamples(d.name(), Type.SUMMARY, d.help(), samples);
            }
        }
    }
}
