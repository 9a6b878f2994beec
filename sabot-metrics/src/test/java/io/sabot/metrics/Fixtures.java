package io.sabot.metrics;

import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;

/** Test data: one or more series of every metric of the standard catalogue. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * Records a series of every standard metric, with awkward label values (quotes, backslashes, newlines, dots,
     * spaces, unicode) in some of them.
     *
     * @param metrics where to record
     */
    static void recordWholeCatalogue(Metrics metrics) {
        for (MetricDescriptor d : StandardMetrics.ALL) {
            String[] labels = new String[d.labelNames().size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = d.labelNames().get(i) + "-1";
            }
            switch (d.type()) {
                case COUNTER -> metrics.counter(d, labels).inc(3);
                case GAUGE -> metrics.gauge(d, labels).set(0.5);
                case TIMER -> metrics.timer(d, labels).recordNanos(2_000_000);
                case HISTOGRAM -> metrics.histogram(d, labels).update(4096);
                default -> throw new IllegalStateException();
            }
        }
        metrics.counter(StandardMetrics.ERRORS, "agent \"quoted\"", "java.lang.IllegalStateException").inc();
        metrics.counter(StandardMetrics.ERRORS, "C:\\agents\\x", "line1\nline2").inc(2);
        metrics.gauge(StandardMetrics.AGENT_UP, "agent-\u00e9\u4e2d with space").set(1);
    }
}
