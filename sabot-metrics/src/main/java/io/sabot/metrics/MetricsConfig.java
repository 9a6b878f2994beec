package io.sabot.metrics;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the metrics module. Immutable.
 *
 * <p>Defaults: at most {@value DropwizardMetrics#DEFAULT_MAX_SERIES_PER_METRIC} label sets per metric, the
 * Prometheus {@code /metrics} endpoint on, no Pushgateway and no StatsD exporter. A Pushgateway exporter is added
 * when its URL is set (job {@code sabot}, instance this host's name, interval 15 s); a StatsD exporter when its
 * host is set (port 8125, no prefix, interval 10 s).
 *
 * <p>{@link #fromProperties(Properties)} reads these keys, all optional; durations are a whole number with an optional
 * unit ({@code 15} and {@code 15s} are seconds; {@code 500ms}, {@code 5m}, {@code 1h}) or ISO-8601
 * ({@code PT15S}):
 * <pre>
 * sabot.metrics.max-series-per-metric   1000
 * sabot.metrics.prometheus.enabled      true
 * sabot.metrics.pushgateway.url         http://pushgateway:9091
 * sabot.metrics.pushgateway.job         sabot
 * sabot.metrics.pushgateway.instance    (host name)
 * sabot.metrics.pushgateway.interval    15
 * sabot.metrics.pushgateway.label.NAME  VALUE (extra grouping labels)
 * sabot.metrics.statsd.host             statsd.example
 * sabot.metrics.statsd.port             8125
 * sabot.metrics.statsd.prefix           (empty)
 * sabot.metrics.statsd.interval         10
 * </pre>
 */
public final class MetricsConfig {

    /** The prefix of every property key. */
    public static final String PROPERTY_PREFIX = "sabot.metrics.";

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private final int maxSeriesPerMetric;
    private final boolean prometheusEnabled;
    private final URI pushgatewayUrl;
    private final String pushgatewayJob;
    private final String pushgatewayInstance;
    private final Map<String, String> pushgatewayLabels;
    private final Duration pushgatewayInterval;
    private final String statsdHost;
    private final int statsdPort;
    private final String statsdPrefix;
    private final Duration statsdInterval;

    private MetricsConfig(Builder b) {
        this.maxSeriesPerMetric = b.maxSeriesPerMetric;
        this.prometheusEnabled = b.prometheusEnabled;
        this.pushgatewayUrl = b.pushgatewayUrl;
        this.pushgatewayJob = b.pushgatewayJob;
        this.pushgatewayInstance = b.pushgatewayInstance;
        this.pushgatewayLabels = Collections.unmodifiableMap(new LinkedHashMap<>(b.pushgatewayLabels));
        this.pushgatewayInterval = b.pushgatewayInterval;
        this.statsdHost = b.statsdHost;
        this.statsdPort = b.statsdPort;
        this.statsdPrefix = b.statsdPrefix;
        this.statsdInterval = b.statsdInterval;
    }

    /** {@return the defaults} */
    public static MetricsConfig defaults() {
        return builder().build();
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code sabot.metrics.*} keys listed in the class comment; absent keys keep their defaults.
     *
     * @param properties for example {@link System#getProperties()}
     * @return the settings
     * @throws IllegalArgumentException naming the key, if a value is malformed
     */
    public static MetricsConfig fromProperties(Properties properties) {
        Builder b = builder();
        String value = get(properties, "max-series-per-metric");
        if (value != null) {
            b.maxSeriesPerMetric(parseInt("max-series-per-metric", value));
        }
        value = get(properties, "prometheus.enabled");
        if (value != null) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(PROPERTY_PREFIX + "prometheus.enabled must be true or false, got '"
                        + value + "'");
            }
            b.prometheusEnabled(Boolean.parseBoolean(value));
        }
        value = get(properties, "pushgateway.url");
        if (value != null) {
            try {
                b.pushgatewayUrl(URI.create(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PROPERTY_PREFIX + "pushgateway.url is not a URI: " + e.getMessage(),
                        e);
            }
        }
        value = get(properties, "pushgateway.job");
        if (value != null) {
            b.pushgatewayJob(value);
        }
        value = get(properties, "pushgateway.instance");
        if (value != null) {
            b.pushgatewayInstance(value);
        }
        value = get(properties, "pushgateway.interval");
        if (value != null) {
            b.pushgatewayInterval(parseDuration("pushgateway.interval", value));
        }
        String labelPrefix = PROPERTY_PREFIX + "pushgateway.label.";
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            if (key.startsWith(labelPrefix)) {
                b.pushgatewayLabel(key.substring(labelPrefix.length()), properties.getProperty(key).trim());
            }
        }
        value = get(properties, "statsd.host");
        if (value != null) {
            b.statsdHost(value);
        }
        value = get(properties, "statsd.port");
        if (value != null) {
            b.statsdPort(parseInt("statsd.port", value));
        }
        value = get(properties, "statsd.prefix");
        if (value != null) {
            b.statsdPrefix(value);
        }
        value = get(properties, "statsd.interval");
        if (value != null) {
            b.statsdInterval(parseDuration("statsd.interval", value));
        }
        return b.build();
    }

    /** {@return the cap on label sets per metric} */
    public int maxSeriesPerMetric() {
        return maxSeriesPerMetric;
    }

    /** {@return whether {@code /metrics} is served} */
    public boolean prometheusEnabled() {
        return prometheusEnabled;
    }

    /** {@return the Pushgateway's URL, if pushing is on} */
    public Optional<URI> pushgatewayUrl() {
        return Optional.ofNullable(pushgatewayUrl);
    }

    /** {@return the Pushgateway job label} */
    public String pushgatewayJob() {
        return pushgatewayJob;
    }

    /** {@return the Pushgateway instance label, or empty for this host's name} */
    public Optional<String> pushgatewayInstance() {
        return Optional.ofNullable(pushgatewayInstance);
    }

    /** {@return the extra Pushgateway grouping labels} */
    public Map<String, String> pushgatewayLabels() {
        return pushgatewayLabels;
    }

    /** {@return the time between pushes} */
    public Duration pushgatewayInterval() {
        return pushgatewayInterval;
    }

    /** {@return the StatsD host, if sending to StatsD is on} */
    public Optional<String> statsdHost() {
        return Optional.ofNullable(statsdHost);
    }

    /** {@return the StatsD UDP port} */
    public int statsdPort() {
        return statsdPort;
    }

    /** {@return the StatsD bucket prefix; empty for none} */
    public String statsdPrefix() {
        return statsdPrefix;
    }

    /** {@return the time between StatsD sends} */
    public Duration statsdInterval() {
        return statsdInterval;
    }

    /** {@return a new Pushgateway exporter from these settings, if a URL is set} */
    public Optional<PushgatewayExporter> newPushgatewayExporter() {
        if (pushgatewayUrl == null) {
            return Optional.empty();
        }
        PushgatewayExporter.Builder b = PushgatewayExporter.builder(pushgatewayUrl).job(pushgatewayJob)
                .interval(pushgatewayInterval);
        if (pushgatewayInstance != null) {
            b.instance(pushgatewayInstance);
        }
        pushgatewayLabels.forEach(b::groupingLabel);
        return Optional.of(b.build());
    }

    /** {@return a new StatsD exporter from these settings, if a host is set} */
    public Optional<StatsdExporter> newStatsdExporter() {
        if (statsdHost == null) {
            return Optional.empty();
        }
        return Optional.of(StatsdExporter.builder(statsdHost).port(statsdPort).prefix(statsdPrefix)
                .interval(statsdInterval).build());
    }

    private static String get(Properties properties, String key) {
        String value = properties.getProperty(PROPERTY_PREFIX + key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY_PREFIX + key + " must be a whole number, got '" + value + "'",
                    e);
        }
    }

    private static Duration parseDuration(String key, String value) {
        try {
            Matcher m = SIMPLE_DURATION.matcher(value);
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            return Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(PROPERTY_PREFIX + key + " must be a duration such as 15, 15s, 500ms, "
                    + "5m, 1h or PT15S, got '" + value + "'", e);
        }
    }

    /**
     * Builds a {@link MetricsConfig}; see the class comment for defaults. Values are checked here, so a bad one
     * fails before any exporter is made.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private int maxSeriesPerMetric = DropwizardMetrics.DEFAULT_MAX_SERIES_PER_METRIC;
        private boolean prometheusEnabled = true;
        private URI pushgatewayUrl;
        private String pushgatewayJob = PushgatewayExporter.DEFAULT_JOB;
        private String pushgatewayInstance;
        private final Map<String, String> pushgatewayLabels = new LinkedHashMap<>();
        private Duration pushgatewayInterval = PushgatewayExporter.DEFAULT_INTERVAL;
        private String statsdHost;
        private int statsdPort = StatsdExporter.DEFAULT_PORT;
        private String statsdPrefix = "";
        private Duration statsdInterval = StatsdExporter.DEFAULT_INTERVAL;

        private Builder() {
        }

        /**
         * Sets the cap on label sets per metric.
         *
         * @param max one or more; default 1000
         * @return this builder
         */
        public Builder maxSeriesPerMetric(int max) {
            DropwizardMetrics.builder().maxSeriesPerMetric(max); // validates
            this.maxSeriesPerMetric = max;
            return this;
        }

        /**
         * Turns the {@code /metrics} endpoint on or off.
         *
         * @param enabled default true
         * @return this builder
         */
        public Builder prometheusEnabled(boolean enabled) {
            this.prometheusEnabled = enabled;
            return this;
        }

        /**
         * Turns on pushing to a Pushgateway.
         *
         * @param url the gateway's base URL, {@code http(s)://host[:port]}; default none
         * @return this builder
         */
        public Builder pushgatewayUrl(URI url) {
            PushgatewayExporter.builder(url); // validates
            this.pushgatewayUrl = url;
            return this;
        }

        /**
         * Sets the Pushgateway job label.
         *
         * @param job non-blank; default {@code sabot}
         * @return this builder
         */
        public Builder pushgatewayJob(String job) {
            this.pushgatewayJob = PushgatewayExporter.nonBlank(job, "Pushgateway job");
            return this;
        }

        /**
         * Sets the Pushgateway instance label.
         *
         * @param instance non-blank; default this host's name
         * @return this builder
         */
        public Builder pushgatewayInstance(String instance) {
            this.pushgatewayInstance = PushgatewayExporter.nonBlank(instance, "Pushgateway instance");
            return this;
        }

        /**
         * Adds an extra Pushgateway grouping label.
         *
         * @param name  a label name other than job and instance
         * @param value non-blank
         * @return this builder
         */
        public Builder pushgatewayLabel(String name, String value) {
            PushgatewayExporter.builder(URI.create("http://localhost")).groupingLabel(name, value); // validates
            pushgatewayLabels.put(name, value);
            return this;
        }

        /**
         * Sets the time between pushes.
         *
         * @param interval positive; default 15 s
         * @return this builder
         */
        public Builder pushgatewayInterval(Duration interval) {
            this.pushgatewayInterval = PushgatewayExporter.positive(interval, "Pushgateway interval");
            return this;
        }

        /**
         * Turns on sending to StatsD.
         *
         * @param host the daemon's host name or address; default none
         * @return this builder
         */
        public Builder statsdHost(String host) {
            this.statsdHost = PushgatewayExporter.nonBlank(host, "StatsD host");
            return this;
        }

        /**
         * Sets the StatsD UDP port.
         *
         * @param port 1 to 65535; default 8125
         * @return this builder
         */
        public Builder statsdPort(int port) {
            StatsdExporter.builder("localhost").port(port); // validates
            this.statsdPort = port;
            return this;
        }

        /**
         * Sets the StatsD bucket prefix.
         *
         * @param prefix dot-separated words, or empty; default empty
         * @return this builder
         */
        public Builder statsdPrefix(String prefix) {
            StatsdExporter.builder("localhost").prefix(prefix); // validates
            this.statsdPrefix = prefix;
            return this;
        }

        /**
         * Sets the time between StatsD sends.
         *
         * @param interval positive; default 10 s
         * @return this builder
         */
        public Builder statsdInterval(Duration interval) {
            this.statsdInterval = PushgatewayExporter.positive(interval, "StatsD interval");
            return this;
        }

        /** {@return the settings} */
        public MetricsConfig build() {
            return new MetricsConfig(this);
        }
    }

    @Override
    public String toString() {
        return "MetricsConfig[maxSeriesPerMetric=" + maxSeriesPerMetric + ", prometheusEnabled=" + prometheusEnabled
                + ", pushgateway=" + (pushgatewayUrl == null ? "off" : pushgatewayUrl.getHost())
                + ", statsd=" + (statsdHost == null ? "off" : statsdHost + ":" + statsdPort) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricsConfig c && maxSeriesPerMetric == c.maxSeriesPerMetric
                && prometheusEnabled == c.prometheusEnabled && Objects.equals(pushgatewayUrl, c.pushgatewayUrl)
                && pushgatewayJob.equals(c.pushgatewayJob)
                && Objects.equals(pushgatewayInstance, c.pushgatewayInstance)
                && pushgatewayLabels.equals(c.pushgatewayLabels) && pushgatewayInterval.equals(c.pushgatewayInterval)
                && Objects.equals(statsdHost, c.statsdHost) && statsdPort == c.statsdPort
                && statsdPrefix.equals(c.statsdPrefix) && statsdInterval.equals(c.statsdInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxSeriesPerMetric, prometheusEnabled, pushgatewayUrl, pushgatewayJob,
                pushgatewayInstance, pushgatewayLabels, pushgatewayInterval, statsdHost, statsdPort, statsdPrefix,
                statsdInterval);
    }
}
