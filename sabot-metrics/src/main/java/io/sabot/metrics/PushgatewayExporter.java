package io.sabot.metrics;

import io.prometheus.client.exporter.PushGateway;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsExporter;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes every series to a Prometheus Pushgateway at a fixed interval, and deletes its group when closed.
 *
 * <p>The group is identified by the job ({@code job}, default {@value #DEFAULT_JOB}) and the grouping key:
 * {@code instance} (default this host's name) plus any extra labels. Each push replaces the whole group (HTTP
 * {@code PUT}), with the metrics rendered as {@link MetricsCollector} does for {@code /metrics}. The first push
 * happens one interval after {@link #start(Metrics)}; {@link #pushNow()} pushes at once.
 *
 * <p>Failures (the gateway down or refusing the push) never reach the caller: each is counted in
 * {@code sabot_metrics_export_failures_total{exporter="pushgateway"}}, the first of an episode is logged, and the
 * push is tried again at the next interval. Logs name the gateway by scheme, host and port only.
 *
 * <p>Thread-safety: {@link #start(Metrics)} and {@link #close()} are called once each; {@link #pushNow()} may be
 * called from any thread. Pushes are serialised, and one in flight when {@link #close()} is called finishes before
 * the group is deleted, so a closed exporter leaves no group behind; pushes after close do nothing.
 */
public final class PushgatewayExporter implements MetricsExporter {

    /** The default job label. */
    public static final String DEFAULT_JOB = "sabot";
    /** The default push interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    /** The default connect and read timeout of each HTTP request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The default exporter name. */
    public static final String DEFAULT_NAME = "pushgateway";

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String name;
    private final String address;
    private final String job;
    private final Map<String, String> groupingKey;
    private final PushGateway gateway;
    private final ExportSchedule schedule;
    private final Logger log;
    private volatile MetricsCollector collector;
    private volatile ExportFailures failures;
    private final Object pushLock = new Object();
    private boolean closed; // guarded by pushLock

    private PushgatewayExporter(Builder builder) {
        this.name = builder.name;
        this.job = builder.job;
        Map<String, String> key = new LinkedHashMap<>();
        key.put("instance", builder.instance != null ? builder.instance : HostName.local());
        key.putAll(builder.labels);
        this.groupingKey = Collections.unmodifiableMap(key);
        this.address = builder.url.getScheme() + "://" + builder.url.getHost()
                + (builder.url.getPort() >= 0 ? ":" + builder.url.getPort() : "");
        try {
            this.gateway = new PushGateway(builder.url.toURL());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Pushgateway URL '" + address + "' is not a valid URL: "
                    + e.getMessage(), e);
        }
        int timeoutMillis = Math.toIntExact(builder.timeout.toMillis());
        gateway.setConnectionFactory(url -> {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            return connection;
        });
        this.log = builder.log;
        this.schedule = new ExportSchedule(name, builder.interval, builder.scheduler, log);
    }

    /**
     * Starts a builder.
     *
     * @param url the gateway's base URL, for example {@code http://pushgateway:9091}
     * @return a builder with the documented defaults
     */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    @Override
    public String name() {
        return name;
    }

    /** {@return the job label of the pushed group} */
    public String job() {
        return job;
    }

    /** {@return the grouping key: {@code instance} and the extra labels} */
    public Map<String, String> groupingKey() {
        return groupingKey;
    }

    @Override
    public void start(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        synchronized (this) {
            if (collector != null) {
                throw new IllegalStateException("Pushgateway exporter '" + name + "' was already started");
            }
            failures = new ExportFailures(name, metrics, log);
            collector = new MetricsCollector(metrics);
        }
        schedule.start(this::pushNow);
    }

    /**
     * Pushes the current values now, replacing the group. Failures are counted and logged as for scheduled pushes.
     *
     * @return whether the push succeeded
     * @throws IllegalStateException if the exporter was not started
     */
    public boolean pushNow() {
        MetricsCollector current = collector;
        if (current == null) {
            throw new IllegalStateException("Pushgateway exporter '" + name + "' is not started");
        }
        synchronized (pushLock) { // a push in flight finishes before close() deletes the group
            if (closed) {
                return false;
            }
            try {
                gateway.push(current, job, groupingKey);
                failures.succeeded();
                return true;
            } catch (IOException | RuntimeException e) {
                failures.failed("push to " + address, e);
                return false;
            }
        }
    }

    /** Stops pushing and deletes the group from the gateway; a failed delete is counted and logged. */
    @Override
    public void close() {
        synchronized (pushLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        schedule.stop();
        if (collector == null) {
            return;
        }
        try {
            gateway.delete(job, groupingKey);
            failures.succeeded();
        } catch (IOException | RuntimeException e) {
            failures.failed("delete its group from " + address, e);
        }
    }

    /**
     * Builds a {@link PushgatewayExporter}. Defaults: name {@value #DEFAULT_NAME}, job {@value #DEFAULT_JOB},
     * instance this host's name (or {@code localhost} if it has none), no extra labels, interval 15 s, HTTP
     * timeouts 5 s, a scheduler thread of its own.
     *
     * <p>Not thread-safe; build once.
     */
    public static final class Builder {
        private final URI url;
        private String name = DEFAULT_NAME;
        private String job = DEFAULT_JOB;
        private String instance;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private Duration interval = DEFAULT_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private ScheduledExecutorService scheduler;
        private Logger log = LoggerFactory.getLogger(PushgatewayExporter.class);

        private Builder(URI url) {
            Objects.requireNonNull(url, "Pushgateway URL");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("Pushgateway URL must be http(s)://host[:port], got scheme '"
                        + url.getScheme() + "' and host '" + url.getHost() + "'");
            }
            this.url = url;
        }

        /**
         * Sets the exporter's name, used in logs and as the {@code exporter} label of failures.
         *
         * @param name non-blank; default {@value PushgatewayExporter#DEFAULT_NAME}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = nonBlank(name, "name");
            return this;
        }

        /**
         * Sets the job label of the group.
         *
         * @param job non-blank, without spaces; default {@value PushgatewayExporter#DEFAULT_JOB}
         * @return this builder
         */
        public Builder job(String job) {
            this.job = groupingValue(job, "job");
            return this;
        }

        /**
         * Sets the instance label of the group.
         *
         * @param instance non-blank, without spaces; default this host's name
         * @return this builder
         */
        public Builder instance(String instance) {
            this.instance = groupingValue(instance, "instance");
            return this;
        }

        /**
         * Adds a label to the grouping key, beside job and instance.
         *
         * @param labelName  a Prometheus label name other than {@code job} and {@code instance}
         * @param labelValue non-blank, without spaces
         * @return this builder
         */
        public Builder groupingLabel(String labelName, String labelValue) {
            Objects.requireNonNull(labelName, "grouping label name");
            if (!LABEL_NAME.matcher(labelName).matches() || labelName.startsWith("__")
                    || labelName.equals("job") || labelName.equals("instance")) {
                throw new IllegalArgumentException("grouping label '" + labelName + "' must match "
                        + LABEL_NAME.pattern() + " and not be job, instance or start with __");
            }
            labels.put(labelName, groupingValue(labelValue, "grouping label " + labelName));
            return this;
        }

        /**
         * Sets the time between pushes.
         *
         * @param interval positive; default 15 s
         * @return this builder
         */
        public Builder interval(Duration interval) {
            this.interval = positive(interval, "interval");
            return this;
        }

        /**
         * Sets the connect and read timeout of each HTTP request.
         *
         * @param timeout positive; default 5 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Runs pushes on the given scheduler instead of a thread of the exporter's own; the exporter does not shut
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
        public PushgatewayExporter build() {
            return new PushgatewayExporter(this);
        }
    }

    static String nonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /**
     * Checks a value that goes into the Pushgateway URL path. The simpleclient encodes a space as {@code +}, which
     * the gateway keeps as a plus sign, so spaces are refused rather than silently changed.
     */
    private static String groupingValue(String value, String what) {
        nonBlank(value, what);
        if (value.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(what + " '" + value + "' must not contain a space: the Pushgateway "
                    + "would store it as '+'; use '_' or '-'");
        }
        return value;
    }

    static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }
}
