package io.sabot.metrics;

import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.MetricsSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One metric and its series, keyed by label values, with a cap on how many series it holds.
 *
 * <p>Thread-safety: lookups are lock-free reads of a {@link ConcurrentHashMap}; creating and removing series lock
 * the family, so the cap is exact and the Dropwizard registry stays in step with the map.
 */
final class MetricFamily {

    private static final Comparator<List<String>> LABEL_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final MetricDescriptor descriptor;
    private final int maxSeries;
    private final ConcurrentHashMap<LabelKey, SeriesHandle> series = new ConcurrentHashMap<>();
    private int size; // guarded by this

    MetricFamily(MetricDescriptor descriptor, int maxSeries) {
        this.descriptor = descriptor;
        this.maxSeries = maxSeries;
    }

    /** {@return the metric} */
    MetricDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Checks that a caller's descriptor is compatible with this family's: same type and label names.
     *
     * @param other the caller's descriptor, with the same name
     * @throws IllegalArgumentException if it differs in type or labels
     */
    void checkCompatible(MetricDescriptor other) {
        if (other == descriptor) {
            return;
        }
        if (other.type() != descriptor.type() || !other.labelNames().equals(descriptor.labelNames())) {
            throw new IllegalArgumentException("metric '" + descriptor.name() + "' is already registered as a "
                    + descriptor.type() + " with labels " + descriptor.labelNames() + "; cannot use it as a "
                    + other.type() + " with labels " + other.labelNames()
                    + ". Use one descriptor per name (for example a constant) everywhere.");
        }
    }

    /**
     * The series for label values, or null if absent.
     *
     * @param key a lookup key
     * @return the series or null
     */
    SeriesHandle get(LabelKey key) {
        return series.get(key);
    }

    /**
     * The series for label values, created if absent and the cap allows.
     *
     * @param key     a lookup key (detached before it is stored)
     * @param factory makes the series from its label values and Dropwizard name, and registers it
     * @return the series, or null if the family is at its cap
     */
    synchronized SeriesHandle getOrCreate(LabelKey key, Function<LabelKey, SeriesHandle> factory) {
        SeriesHandle existing = series.get(key);
        if (existing != null) {
            return existing;
        }
        if (size >= maxSeries) {
            return null;
        }
        LabelKey stored = key.detach();
        SeriesHandle created = factory.apply(stored);
        series.put(stored, created);
        size++;
        return created;
    }

    /**
     * Replaces (or adds) the series for label values, subject to the cap when adding.
     *
     * @param key     a lookup key
     * @param factory makes and registers the new series
     * @param onRemove unregisters the old series
     * @return the new series, or null if the family is at its cap
     */
    synchronized SeriesHandle replace(LabelKey key, Function<LabelKey, SeriesHandle> factory,
                                      Consumer<SeriesHandle> onRemove) {
        SeriesHandle existing = series.get(key);
        if (existing == null && size >= maxSeries) {
            return null;
        }
        if (existing != null) {
            onRemove.accept(existing);
        } else {
            size++;
        }
        LabelKey stored = key.detach();
        SeriesHandle created = factory.apply(stored);
        series.put(stored, created);
        return created;
    }

    /**
     * Removes the series for label values.
     *
     * @param key      a lookup key
     * @param onRemove unregisters the removed series, called under the family's lock
     * @return the removed series, or null if absent
     */
    synchronized SeriesHandle remove(LabelKey key, Consumer<SeriesHandle> onRemove) {
        SeriesHandle removed = series.remove(key);
        if (removed != null) {
            size--;
            onRemove.accept(removed);
        }
        return removed;
    }

    /** {@return how many series the family holds} */
    int size() {
        return series.size();
    }

    /** {@return the family's current values, series ordered by label values} */
    MetricsSnapshot.Family snapshot() {
        List<SeriesHandle> handles = new ArrayList<>(series.values());
        if (descriptor.labelNames().size() == 1) {
            handles.sort(Comparator.comparing(h -> h.labelValues().get(0)));
        } else {
            handles.sort(Comparator.comparing(SeriesHandle::labelValues, LABEL_ORDER));
        }
        List<MetricsSnapshot.Series> values = new ArrayList<>(handles.size());
        for (SeriesHandle handle : handles) {
            values.add(handle.snapshot());
        }
        return new MetricsSnapshot.Family(descriptor, values);
    }

    /**
     * The name under which a series is registered in Dropwizard: the metric name, then the labels in the
     * Prometheus style, for example {@code sabot_events_processed_total{agent="a",channel="in"}}; a metric without
     * labels is registered under its bare name.
     *
     * @param descriptor  the metric
     * @param labelValues the series' values
     * @return the Dropwizard name
     */
    static String dropwizardName(MetricDescriptor descriptor, List<String> labelValues) {
        if (labelValues.isEmpty()) {
            return descriptor.name();
        }
        StringBuilder name = new StringBuilder(descriptor.name()).append('{');
        for (int i = 0; i < labelValues.size(); i++) {
            if (i > 0) {
                name.append(',');
            }
            name.append(descriptor.labelNames().get(i)).append("=\"");
            String value = labelValues.get(i);
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                switch (ch) {
                    case '\\' -> name.append("\\\\");
                    case '"' -> name.append("\\\"");
                    case '\n' -> name.append("\\n");
                    default -> name.append(ch);
                }
            }
            name.append('"');
        }
        return name.append('}').toString();
    }
}
