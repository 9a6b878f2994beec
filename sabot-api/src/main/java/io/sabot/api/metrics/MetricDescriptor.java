package io.sabot.api.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A metric's name, help text, type and label names. Immutable.
 *
 * <p>Names are snake case ({@code [a-z_][a-z0-9_]*}); a counter's name ends in {@code _total} and a timer's in
 * {@code _seconds}. Label names are snake case, do not start with {@code __}, and are not {@code le} or
 * {@code quantile} (which exporters use).
 *
 * @param name       the metric's name
 * @param help       one line saying what it measures
 * @param type       the kind of metric
 * @param labelNames the names of its labels, in order; may be empty
 */
public record MetricDescriptor(String name, String help, MetricType type, List<String> labelNames) {

    private static final Pattern SNAKE = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> RESERVED_LABELS = Set.of("le", "quantile");
    /**
     * Creates the record, validating and copying its components.
     *
     * @param name the metric's name
     * @param help one line saying what it measures
     * @param type the kind of metric
     * @param labelNames the names of its labels, in order; may be empty
     */
    public MetricDescriptor {
        Objects.requireNonNull(name, "metric name must not be null");
        Objects.requireNonNull(help, () -> "metric '" + name + "': help must not be null");
        Objects.requireNonNull(type, () -> "metric '" + name + "': type must not be null");
        Objects.requireNonNull(labelNames, () -> "metric '" + name + "': label names must not be null");
        if (!SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name '" + name + "' must be snake case ([a-z_][a-z0-9_]*)");
        }
        if (type == MetricType.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("counter '" + name + "' must end in _total");
        }
        if (type == MetricType.TIMER && !name.endsWith("_seconds")) {
            throw new IllegalArgumentException("timer '" + name + "' must end in _seconds");
        }
        if (help.isBlank() || help.indexOf('\n') >= 0 || help.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("metric '" + name + "': help must be one non-blank line");
        }
        Set<String> seen = new HashSet<>();
        for (String label : labelNames) {
            Objects.requireNonNull(label, () -> "metric '" + name + "': a label name is null");
            if (!SNAKE.matcher(label).matches() || label.startsWith("__") || RESERVED_LABELS.contains(label)) {
                throw new IllegalArgumentException("metric '" + name + "': invalid label name '" + label + "'");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("metric '" + name + "': duplicate label name '" + label + "'");
            }
        }
        labelNames = List.copyOf(labelNames);
    }

    /**
     * Creates a descriptor.
     *
     * @param name       the metric's name
     * @param help       what it measures
     * @param type       the kind of metric
     * @param labelNames its label names
     * @return the descriptor
     */
    public static MetricDescriptor of(String name, String help, MetricType type, String... labelNames) {
        return new MetricDescriptor(name, help, type, List.of(labelNames));
    }

    /**
     * Checks that label values match this descriptor's label names.
     *
     * @param labelValues the values, one per label name, not null
     * @throws IllegalArgumentException if the count differs or a value is null
     */
    public void checkLabelValues(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException("metric '" + name + "' has labels " + labelNames + " but got "
                    + labelValues.length + " values");
        }
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] == null) {
                throw new IllegalArgumentException("metric '" + name + "': label " + labelNames.get(i) + " is null");
            }
        }
    }
}
