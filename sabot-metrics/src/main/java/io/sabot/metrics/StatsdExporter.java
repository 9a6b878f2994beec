package io.sabot.metrics;

import com.timgroup.statsd.NonBlockingStatsDClient;
import com.timgroup.statsd.StatsDClient;
import io.sabot.api.metrics.MetricDescriptor;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsExporter;
import io.sabot.api.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every series to a StatsD daemon over UDP at a fixed interval, with {@code java-statsd-client}.
 *
 * <p>Names: each series becomes the bucket {@code [<prefix>.]<metric>[.<label>.<value>]...}, labels in the
 * metric's order, values sanitised (every character other than ASCII letters, digits, {@code _} and {@code -}
 * becomes {@code _}; an empty value becomes {@code _}). For example
 * {@code sabot_events_processed_total{agent="parser",channel="raw.events"}} becomes
 * {@code sabot_events_processed_total.agent.parser.channel.raw_events}.
 *
 * <p>Types, at each interval:
 * <ul>
 *   <li>counters: the increase since the last send, as a StatsD counter ({@code |c}); nothing when unchanged;
 *   <li>gauges: the value as a StatsD gauge ({@code |g}); NaN and infinite values are skipped;
 *   <li>timers: the mean of the durations recorded since the last send, in whole milliseconds, as one StatsD
 *       timing ({@code |ms}) with sample rate {@code 1/n} for {@code n} recordings, so the daemon counts {@code n}
 *       timings; nothing when none were recorded;
 *   <li>histograms: likewise, the mean value in the histogram's own unit, rounded to a whole number.
 * </ul>
 *
 * <p>Failures never reach the caller: a host that does not resolve (the client is then made again at the next
 * interval) or a send the operating system rejects is counted in
 * {@code sabot_metrics_export_failures_total{exporter="statsd"}}, the first of an episode is logged, and the next
 * interval tries again. UDP gives no receipt: an interval counts as a success when the client exists and no send
 * error was reported since the interval before. {@link #close()} sends a last update, then stops the client.
 *
 * <p>Thread-safety: {@link #start(Metrics)} and {@link #close()} are called once each; {@link #sendNow()} may be
 * called from any thread (sends are serialised).
 */
public final class StatsdExporter implements MetricsExporter {

    /** The default StatsD port. */
    public static final int DEFAULT_PORT = 8125;
    /** The default send interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** The default exporter name. */
    public static final String DEFAULT_NAME = "statsd";

    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)?");

    private final String name;
    private final String host;
    private final int port;
    private final String prefix;
    private final ExportSchedule schedule;
    private final Logger log;
    private final AtomicBoolean sendErrors = new AtomicBoolean();
    private Map<String, Long> lastCounts = new HashMap<>(); // guarded by this
    private Map<String, double[]> lastDistributions = new HashMap<>(); // guarded by this; {count, sum}
    private StatsDClient client; // guarded by this
    private volatile Metrics metrics;
    private volatile ExportFailures failures;
    private boolean closed; // guarded by this

    private StatsdExporter(Builder builder) {
        this.name = builder.name;
        this.host = builder.host;
        this.port = builder.port;
        this.prefix = builder.prefix;
        this.log = builder.log;
        this.schedule = new ExportSchedule(name, builder.interval, builder.scheduler, log);
    }

    /**
     * Starts a builder.
     *
     * @param host the StatsD daemon's host name or address
     * @return a builder with the documented defaults
     */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(Metrics source) {
        Objects.requireNonNull(source, "metrics");
        synchronized (this) {
            if (metrics != null) {
                throw new IllegalStateException("StatsD exporter '" + name + "' was already started");
            }
            failures = new ExportFailures(name, source, log);
            metrics = source;
        }
        schedule.start(this::sendNow);
    }

    /**
     * Sends the changes since the last send now. Failures are counted and logged as for scheduled sends.
     *
     * @return whether the client could be made and the values were handed to it
     * @throws IllegalStateException if the exporter was not started
     */
    public synchronized boolean sendNow() {
        Metrics source = metrics;
        if (source == null) {
            throw new IllegalStateException("StatsD exporter '" + name + "' is not started");
        }
        if (closed) {
            return false;
        }
        if (client != null && !sendErrors.getAndSet(false)) {
            failures.succeeded(); // the previous interval's datagrams went out without an error
        }
        if (client == null) {
            try {
                client = new NonBlockingStatsDClient(prefix, host, port, this::onSendError);
            } catch (RuntimeException e) {
                failures.failed("reach StatsD at " + host + ":" + port, e);
                return false;
            }
        }
        send(source.snapshot());
        return true;
    }

    private void onSendError(Exception e) {
        sendErrors.set(true);
        failures.failed("send to StatsD at " + host + ":" + port, e);
    }

    private void send(MetricsSnapshot snapshot) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, double[]> distributions = new HashMap<>();
        for (MetricsSnapshot.Family family : snapshot.families()) {
            MetricDescriptor d = family.descriptor();
            for (MetricsSnapshot.Series series : family.series()) {
                String bucket = StatsdNames.bucket(d.name(), d.labelNames(), series.labelValues());
                switch (d.type()) {
                    case COUNTER -> {
                        long previous = lastCounts.getOrDefault(bucket, 0L);
                        long delta = series.count() >= previous ? series.count() - previous : series.count();
                        if (delta > 0) {
                            client.count(bucket, delta);
                        }
                        counts.put(bucket, series.count());
                    }
                    case GAUGE -> {
                        if (Double.isFinite(series.value())) {
                            client.recordGaugeValue(bucket, series.value());
                        }
                    }
                    case TIMER, HISTOGRAM -> {
                        double[] previous = lastDistributions.getOrDefault(bucket, new double[2]);
                        long newCount = series.count() - (long) previous[0];
                        double newSum = series.sum() - previous[1];
                        if (newCount < 0) { // the series was removed and made again
                            newCount = series.count();
                            newSum = series.sum();
                        }
                        if (newCount > 0) {
                            double mean = newSum / newCount;
                            long value = Math.round(d.type() == io.sabot.api.metrics.MetricType.TIMER
                                    ? mean * 1000 : mean);
                            client.recordExecutionTime(bucket, value, 1.0 / newCount);
                        }
                        distributions.put(bucket, new double[] {series.count(), series.sum()});
                    }
                    default -> throw new IllegalStateException("unknown metric type " + d.type());
                }
            }
        }
        lastCounts = counts;
        lastDistributions = distributions;
    }

    /** Stops the schedule, sends a last update, and stops the client (which flushes its queue). */
    @Override
    public void close() {
        schedule.stop();
        StatsDClient toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (metrics != null && client != null) {
                send(metrics.snapshot());
            }
            closed = true;
            toStop = client;
            client = null;
        }
        if (toStop != null) {
            toStop.stop();
        }
    }

    /**
     * Builds a {@link StatsdExporter}. Defaults: name {@value #DEFAULT_NAME}, port {@value #DEFAULT_PORT}, no
     * prefix, interval 10 s, a scheduler thread of its own.
     *
     * <p>Not thread-safe; build once.
     */
    public static final class Builder {
        private final String host;
        private String name = DEFAULT_NAME;
        private int port = DEFAULT_PORT;
        private String prefix = "";
        private Duration interval = DEFAULT_INTERVAL;
        private ScheduledExecutorService scheduler;
        private Logger log = LoggerFactory.getLogger(StatsdExporter.class);

        private Builder(String host) {
            this.host = PushgatewayExporter.nonBlank(host, "StatsD host");
        }

        /**
         * Sets the exporter's name, used in logs and as the {@code exporter} label of failures.
         *
         * @param name non-blank; default {@value StatsdExporter#DEFAULT_NAME}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = PushgatewayExporter.nonBlank(name, "name");
            return this;
        }

        /**
         * Sets the daemon's UDP port.
         *
         * @param port 1 to 65535; default {@value StatsdExporter#DEFAULT_PORT}
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("StatsD port must be 1 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets a prefix put before every bucket name, followed by a dot.
         *
         * @param prefix dot-separated words of ASCII letters, digits, {@code _} and {@code -}, or empty; default
         *               empty
         * @return this builder
         */
        public Builder prefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("StatsD prefix '" + prefix + "' must be dot-separated words of "
                        + "letters, digits, _ and -, for example 'prod.worker1'");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Sets the time between sends.
         *
         * @param interval positive; default 10 s
         * @return this builder
         */
        public Builder interval(Duration interval) {
            this.interval = PushgatewayExporter.positive(interval, "interval");
            return this;
        }

        /**
         * Runs sends on the given scheduler instead of a thread of the exporter's own; the exporter does not shut
         * it down.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        Builder logger(Logger logger) {
            this.log = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** {@return the exporter} */
        public StatsdExporter build() {
            return new StatsdExporter(this);
        }
    }
}
