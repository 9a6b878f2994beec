package io.sabot.metrics;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Counts an exporter's failures in {@code sabot_metrics_export_failures_total{exporter}} and logs them once per
 * episode: the first failure after a success (or after start) is logged as a warning, later ones are only counted,
 * and the next success ends the episode with one info line.
 *
 * <p>Thread-safety: safe to call from any thread.
 */
final class ExportFailures {

    private final String exporter;
    private final Counter failures;
    private final Logger log;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong inEpisode = new AtomicLong();

    ExportFailures(String exporter, Metrics metrics, Logger log) {
        this.exporter = exporter;
        this.failures = metrics.counter(StandardMetrics.EXPORT_FAILURES, exporter);
        this.log = log;
    }

    /**
     * Records one failure.
     *
     * @param action what was attempted, for example "push to http://127.0.0.1:9091"
     * @param cause  the failure
     */
    void failed(String action, Throwable cause) {
        failures.inc();
        inEpisode.incrementAndGet();
        if (failing.compareAndSet(false, true)) {
            log.warn("Metrics exporter '{}' could not {}: {}. It retries at each interval; further failures are "
                    + "counted in {} but not logged until it succeeds.", exporter, action, describe(cause),
                    StandardMetrics.EXPORT_FAILURES.name());
        }
    }

    /** Records a success, ending a failure episode if one was going on. */
    void succeeded() {
        if (failing.compareAndSet(true, false)) {
            log.info("Metrics exporter '{}' works again after {} failed attempts.", exporter, inEpisode.getAndSet(0));
        }
    }

    /** {@return whether the last attempt failed} */
    boolean failing() {
        return failing.get();
    }

    /** {@return failures counted since this object was made} */
    long count() {
        return failures.count();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
