package io.sabot.api.metrics;

/**
 * Sends metrics somewhere: the exporter SPI. Several exporters may run at once (Pushgateway, StatsD, a user's).
 * Pull-based exporters such as Prometheus's {@code /metrics} add an {@link io.sabot.api.plugin.HttpEndpoint}
 * instead or as well.
 *
 * <p>An exporter's failures (an unreachable host, a refused push) must never reach the agents: it counts them in
 * {@link StandardMetrics#EXPORT_FAILURES}, logs once per episode, and retries at its next interval.
 *
 * <p>Thread-safety: {@link #start(Metrics)} and {@link #close()} are called once each, from the worker's thread.
 */
public interface MetricsExporter extends AutoCloseable {

    /** {@return the exporter's name, for logs and for {@code sabot_metrics_export_failures_total{exporter}}} */
    String name();

    /**
     * Starts exporting; returns at once, the exporter runs on its own thread or scheduler.
     *
     * @param metrics where to take snapshots from
     */
    void start(Metrics metrics);

    /** Stops exporting, after a last export where that makes sense (for example deleting a Pushgateway group). */
    @Override
    void close();
}
