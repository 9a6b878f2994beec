package io.sabot.runtime.worker;

import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.runtime.savepoint.StoreOptionKeys;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a worker is started with: the CLI fills it from flags, environment and config file; an embedding
 * application fills it with the builder. Immutable.
 *
 * <p>Defaults (see {@link Builder}): strategy {@code one_for_one}, intensity 3 restarts in 60 s, checkpoints every
 * 30 s keeping the last 3, checkpoints and savepoints under the data directory with no store options, HTTP on
 * 127.0.0.1:9250, resource monitoring every second, no StatsD, no Pushgateway, graceful stop within 30 s with a final
 * checkpoint.
 *
 * @param appClass              the app's class name
 * @param dataDir               the data directory ({@code $SABOT_HOME})
 * @param supervision           the default group's strategy name
 * @param intensity             the default restart intensity
 * @param concurrency           how many instances of each agent to run (reserved; 1 today)
 * @param recover               start from the latest completed checkpoint
 * @param fromSnapshot          start from this savepoint id or snapshot location instead
 * @param allowNonRestoredState start even if the snapshot holds state of agents the app no longer has
 * @param checkpointInterval    the time between periodic checkpoints; zero disables them
 * @param checkpointsRetained   how many completed checkpoints to keep
 * @param checkpointDir         where checkpoints go; empty for the data directory's default
 * @param savepointDir          where savepoints go; empty for the data directory's default
 * @param storeOptions          settings of the checkpoint and savepoint stores ({@code s3.endpoint},
 *                              {@code fs.fsync}...); secret values never appear in {@link #toString()}
 * @param httpBind              the HTTP listener's address
 * @param httpPort              the HTTP listener's port; 0 for an ephemeral one
 * @param statsd                a StatsD {@code host:port} to send metrics to, if any
 * @param pushgateway           a Pushgateway URL to push metrics to, if any
 * @param resourceInterval      the resource monitor's interval
 * @param backpressure          the thresholds of the backpressure levels
 * @param limits                resource limits: per agent by agent id, and for the worker under {@code "*"}
 * @param settings              app settings ({@code --set key=value})
 * @param stopTimeout           how long a graceful stop may take
 * @param finalCheckpoint       take a checkpoint when stopping gracefully
 */
public record WorkerConfig(String appClass, Path dataDir, String supervision, RestartIntensity intensity,
                           int concurrency, boolean recover, Optional<String> fromSnapshot,
                           boolean allowNonRestoredState, Duration checkpointInterval, int checkpointsRetained,
                           Optional<URI> checkpointDir, Optional<URI> savepointDir,
                           Map<String, String> storeOptions, InetAddress httpBind,
                           int httpPort, Optional<String> statsd, Optional<URI> pushgateway,
                           Duration resourceInterval, BackpressureThresholds backpressure,
                           Map<String, List<ResourceLimit>> limits,
                           Map<String, String> settings, Duration stopTimeout, boolean finalCheckpoint) {

    /** The key of {@link #limits()} that holds the worker-wide limits. */
    public static final String WORKER_LIMITS = "*";

    /** The default HTTP port. */
    public static final int DEFAULT_HTTP_PORT = 9250;

    /**
     * Validates the fields and copies the collections.
     *
     * @param appClass              the app's class name
     * @param dataDir               the data directory
     * @param supervision           the default group's strategy name
     * @param intensity             the default restart intensity
     * @param concurrency           instances of each agent
     * @param recover               start from the latest checkpoint
     * @param fromSnapshot          start from this savepoint
     * @param allowNonRestoredState tolerate state of removed agents
     * @param checkpointInterval    the checkpoint interval
     * @param checkpointsRetained   completed checkpoints kept
     * @param checkpointDir         the checkpoint location
     * @param savepointDir          the savepoint location
     * @param storeOptions          the store options
     * @param httpBind              the HTTP address
     * @param httpPort              the HTTP port
     * @param statsd                the StatsD address
     * @param pushgateway           the Pushgateway URL
     * @param resourceInterval      the resource monitor's interval
     * @param backpressure          the backpressure thresholds
     * @param limits                the resource limits
     * @param settings              the app settings
     * @param stopTimeout           the graceful stop timeout
     * @param finalCheckpoint       checkpoint on graceful stop
     */
    public WorkerConfig {
        Objects.requireNonNull(appClass, "app class must be given (-A)");
        if (appClass.isBlank()) {
            throw new IllegalArgumentException("app class must not be blank (-A com.example.MyApp)");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(supervision, "supervision");
        Objects.requireNonNull(intensity, "intensity");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, got " + concurrency);
        }
        Objects.requireNonNull(fromSnapshot, "fromSnapshot");
        if (recover && fromSnapshot.isPresent()) {
            throw new IllegalArgumentException("--recover and --from-savepoint cannot be combined: choose one");
        }
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("checkpoint interval must be zero (off) or positive");
        }
        if (checkpointsRetained < 1) {
            throw new IllegalArgumentException("at least 1 checkpoint must be retained, got " + checkpointsRetained);
        }
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(savepointDir, "savepointDir");
        storeOptions = StoreOptionKeys.copyOf(storeOptions);
        Objects.requireNonNull(httpBind, "httpBind");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("HTTP port must be between 0 and 65535, got " + httpPort);
        }
        Objects.requireNonNull(statsd, "statsd");
        Objects.requireNonNull(pushgateway, "pushgateway");
        Objects.requireNonNull(resourceInterval, "resourceInterval");
        if (resourceInterval.isZero() || resourceInterval.isNegative()) {
            throw new IllegalArgumentException("resource interval must be positive, got " + resourceInterval);
        }
        Objects.requireNonNull(backpressure, "backpressure");
        Map<String, List<ResourceLimit>> copy = new LinkedHashMap<>();
        limits.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        limits = Map.copyOf(copy);
        settings = Map.copyOf(settings);
        Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    /**
     * Starts a builder with the defaults described on this type.
     *
     * @param appClass the app's class name
     * @param dataDir  the data directory
     * @return the builder
     */
    public static Builder builder(String appClass, Path dataDir) {
        return new Builder(appClass, dataDir);
    }

    /** Builds a {@link WorkerConfig}. Not thread-safe. */
    public static final class Builder {
        private final String appClass;
        private final Path dataDir;
        private String supervision = "one_for_one";
        private RestartIntensity intensity = RestartIntensity.DEFAULT;
        private int concurrency = 1;
        private boolean recover;
        private String fromSnapshot;
        private boolean allowNonRestoredState;
        private Duration checkpointInterval = Duration.ofSeconds(30);
        private int checkpointsRetained = 3;
        private URI checkpointDir;
        private URI savepointDir;
        private final Map<String, String> storeOptions = new LinkedHashMap<>();
        private InetAddress httpBind = InetAddress.getLoopbackAddress();
        private int httpPort = DEFAULT_HTTP_PORT;
        private String statsd;
        private URI pushgateway;
        private Duration resourceInterval = Duration.ofSeconds(1);
        private BackpressureThresholds backpressure = BackpressureThresholds.DEFAULT;
        private final Map<String, List<ResourceLimit>> limits = new LinkedHashMap<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration stopTimeout = Duration.ofSeconds(30);
        private boolean finalCheckpoint = true;

        private Builder(String appClass, Path dataDir) {
            this.appClass = appClass;
            this.dataDir = dataDir;
        }

        /**
         * Sets the default group's strategy; default {@code one_for_one}.
         *
         * @param value a registered strategy name
         * @return this builder
         */
        public Builder supervision(String value) {
            this.supervision = value;
            return this;
        }

        /**
         * Sets the default restart intensity; default 3 in 60 s.
         *
         * @param value the intensity
         * @return this builder
         */
        public Builder intensity(RestartIntensity value) {
            this.intensity = value;
            return this;
        }

        /**
         * Sets the instances per agent; default 1.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        /**
         * Starts from the latest completed checkpoint; default false.
         *
         * @param value true to recover
         * @return this builder
         */
        public Builder recover(boolean value) {
            this.recover = value;
            return this;
        }

        /**
         * Starts from a savepoint id or a snapshot location; default none.
         *
         * @param value the id or location, or null for none
         * @return this builder
         */
        public Builder fromSnapshot(String value) {
            this.fromSnapshot = value;
            return this;
        }

        /**
         * Tolerates snapshot state of agents the app no longer has; default false.
         *
         * @param value true to tolerate
         * @return this builder
         */
        public Builder allowNonRestoredState(boolean value) {
            this.allowNonRestoredState = value;
            return this;
        }

        /**
         * Sets the checkpoint interval; default 30 s; zero disables periodic checkpoints.
         *
         * @param value the interval
         * @return this builder
         */
        public Builder checkpointInterval(Duration value) {
            this.checkpointInterval = value;
            return this;
        }

        /**
         * Sets how many completed checkpoints are kept; default 3.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder checkpointsRetained(int value) {
            this.checkpointsRetained = value;
            return this;
        }

        /**
         * Sets where checkpoints go; default {@code <data dir>/apps/<app>/checkpoints}.
         *
         * @param value a store location, or null for the default
         * @return this builder
         */
        public Builder checkpointDir(URI value) {
            this.checkpointDir = value;
            return this;
        }

        /**
         * Sets where savepoints go; default {@code <data dir>/apps/<app>/savepoints}.
         *
         * @param value a store location, or null for the default
         * @return this builder
         */
        public Builder savepointDir(URI value) {
            this.savepointDir = value;
            return this;
        }

        /**
         * Adds a store option, given to the providers of the checkpoint and savepoint stores (and of a savepoint
         * location the worker starts from); each store reads the keys of its own prefix. The worker itself adds
         * {@code fs.create-directory=true} for its filesystem stores unless set here. Default none.
         *
         * @param key   {@code PREFIX.NAME}, for example {@code s3.endpoint}
         * @param value its value
         * @return this builder
         */
        public Builder storeOption(String key, String value) {
            storeOptions.put(key, value);
            return this;
        }

        /**
         * Adds store options, as {@link #storeOption(String, String)} for each.
         *
         * @param values the options
         * @return this builder
         */
        public Builder storeOptions(Map<String, String> values) {
            storeOptions.putAll(values);
            return this;
        }

        /**
         * Sets the HTTP listener's address; default 127.0.0.1.
         *
         * @param value the address
         * @return this builder
         */
        public Builder httpBind(InetAddress value) {
            this.httpBind = value;
            return this;
        }

        /**
         * Sets the HTTP listener's port; default {@value WorkerConfig#DEFAULT_HTTP_PORT}; 0 for an ephemeral port.
         *
         * @param value the port
         * @return this builder
         */
        public Builder httpPort(int value) {
            this.httpPort = value;
            return this;
        }

        /**
         * Sends metrics to StatsD; default off.
         *
         * @param value {@code host:port}, or null for off
         * @return this builder
         */
        public Builder statsd(String value) {
            this.statsd = value;
            return this;
        }

        /**
         * Pushes metrics to a Pushgateway; default off.
         *
         * @param value its URL, or null for off
         * @return this builder
         */
        public Builder pushgateway(URI value) {
            this.pushgateway = value;
            return this;
        }

        /**
         * Sets the resource monitor's interval; default 1 s.
         *
         * @param value the interval
         * @return this builder
         */
        public Builder resourceInterval(Duration value) {
            this.resourceInterval = value;
            return this;
        }

        /**
         * Sets the thresholds of the backpressure levels; default {@link BackpressureThresholds#DEFAULT}.
         *
         * @param value the thresholds
         * @return this builder
         */
        public Builder backpressure(BackpressureThresholds value) {
            this.backpressure = value;
            return this;
        }

        /**
         * Adds a resource limit.
         *
         * @param target an agent id, or {@link WorkerConfig#WORKER_LIMITS} for a worker limit
         * @param limit  the limit
         * @return this builder
         */
        public Builder limit(String target, ResourceLimit limit) {
            limits.computeIfAbsent(target, k -> new ArrayList<>()).add(limit);
            return this;
        }

        /**
         * Adds an app setting.
         *
         * @param key   the setting's name
         * @param value its value
         * @return this builder
         */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * Sets how long a graceful stop may take; default 30 s.
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder stopTimeout(Duration value) {
            this.stopTimeout = value;
            return this;
        }

        /**
         * Takes a checkpoint on a graceful stop; default true.
         *
         * @param value true to checkpoint
         * @return this builder
         */
        public Builder finalCheckpoint(boolean value) {
            this.finalCheckpoint = value;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the validated configuration
         * @throws IllegalArgumentException naming the invalid setting
         */
        public WorkerConfig build() {
            return new WorkerConfig(appClass, dataDir, supervision, intensity, concurrency, recover,
                    Optional.ofNullable(fromSnapshot), allowNonRestoredState, checkpointInterval, checkpointsRetained,
                    Optional.ofNullable(checkpointDir), Optional.ofNullable(savepointDir), storeOptions, httpBind,
                    httpPort, Optional.ofNullable(statsd), Optional.ofNullable(pushgateway), resourceInterval,
                    backpressure, limits, settings, stopTimeout, finalCheckpoint);
        }
    }
}
