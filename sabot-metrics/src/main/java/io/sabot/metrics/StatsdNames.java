package io.sabot.metrics;

import java.util.List;

/**
 * Folds a series' labels into a StatsD bucket name: {@code <metric>.<label>.<value>} for each label in order, for
 * example {@code sabot_events_processed_total.agent.parser.channel.raw_events}. In a label value, every character
 * other than ASCII letters, digits, {@code _} and {@code -} becomes {@code _} (so dots, spaces, colons, pipes and
 * at-signs cannot break the name or the protocol), and an empty value becomes {@code _}.
 *
 * <p>Stateless.
 */
final class StatsdNames {

    private StatsdNames() {
    }

    /**
     * The bucket name of a series.
     *
     * @param metric      the metric's name (snake case, already safe)
     * @param labelNames  its label names (snake case, already safe)
     * @param labelValues the series' values
     * @return the bucket name, without the exporter's prefix
     */
    static String bucket(String metric, List<String> labelNames, List<String> labelValues) {
        if (labelNames.isEmpty()) {
            return metric;
        }
        StringBuilder bucket = new StringBuilder(metric);
        for (int i = 0; i < labelNames.size(); i++) {
            bucket.append('.').append(labelNames.get(i)).append('.');
            appendSanitised(bucket, labelValues.get(i));
        }
        return bucket.toString();
    }

    /**
     * Sanitises one label value as described in the class comment.
     *
     * @param value the value
     * @return the safe value
     */
    static String sanitise(String value) {
        StringBuilder out = new StringBuilder(value.length());
        appendSanitised(out, value);
        return out.toString();
    }

    private static void appendSanitised(StringBuilder out, String value) {
        if (value.isEmpty()) {
            out.append('_');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == '-';
            out.append(safe ? c : '_');
        }
    }
}
