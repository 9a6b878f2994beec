package io.sabot.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Runs an exporter's task at a fixed interval on a scheduler: the caller's, or a single daemon thread of its own
 * that {@link #stop()} shuts down. A task that throws is logged and runs again at the next interval.
 *
 * <p>Thread-safety: {@link #start(Runnable)} and {@link #stop()} are called once each, by the exporter.
 */
final class ExportSchedule {

    private final String exporter;
    private final Duration interval;
    private final ScheduledExecutorService given;
    private final Logger log;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> future;

    /**
     * Creates a schedule.
     *
     * @param exporter  the exporter's name, for the thread name and logs
     * @param interval  the time between runs; positive
     * @param scheduler a scheduler to use, or null for one of its own
     * @param log       where unexpected task failures go
     */
    ExportSchedule(String exporter, Duration interval, ScheduledExecutorService scheduler, Logger log) {
        this.exporter = exporter;
        this.interval = interval;
        this.given = scheduler;
        this.log = log;
    }

    /** {@return the time between runs} */
    Duration interval() {
        return interval;
    }

    /**
     * Starts running the task: first after one interval, then every interval.
     *
     * @param task the export
     */
    synchronized void start(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (future != null) {
            throw new IllegalStateException("metrics exporter '" + exporter + "' was already started");
        }
        scheduler = given != null ? given : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sabot-metrics-" + exporter);
            thread.setDaemon(true);
            return thread;
        });
        long nanos = interval.toNanos();
        future = scheduler.scheduleAtFixedRate(() -> runGuarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the runs, waiting up to one interval (at most 10 s) for a run in progress when it owns the thread. */
    synchronized void stop() {
        if (future == null) {
            return;
        }
        future.cancel(false);
        if (given == null) {
            scheduler.shutdown();
            try {
                long waitMillis = Math.min(interval.toMillis(), 10_000);
                scheduler.awaitTermination(Math.max(waitMillis, 1), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@return whether {@link #start(Runnable)} was called} */
    synchronized boolean started() {
        return future != null;
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Metrics exporter '{}' failed unexpectedly; it runs again at the next interval.", exporter, e);
        }
    }
}
