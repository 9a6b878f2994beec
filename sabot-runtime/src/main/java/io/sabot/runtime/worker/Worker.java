package io.sabot.runtime.worker;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.sabot.api.Ids;
import io.sabot.api.agent.App;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.MetricsExporter;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.plugin.HttpEndpoint;
import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.resources.ResourceMonitor;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SavepointStoreProvider;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.savepoint.StoreLocations;
import io.sabot.api.supervision.ChildInfo;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.ExitReason;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.SupervisionEvent;
import io.sabot.api.supervision.SupervisionStrategy;
import io.sabot.runtime.TaskGraph;
import io.sabot.runtime.agent.TaskBase;
import io.sabot.runtime.agent.TaskServices;
import io.sabot.runtime.app.AppModel;
import io.sabot.runtime.app.AppSettings;
import io.sabot.runtime.app.GroupSpec;
import io.sabot.runtime.checkpoint.CheckpointCoordinator;
import io.sabot.runtime.checkpoint.RecoveryState;
import io.sabot.runtime.http.AdminToken;
import io.sabot.runtime.http.Health;
import io.sabot.runtime.http.JsonEndpoint;
import io.sabot.runtime.http.WorkerHttpServer;
import io.sabot.runtime.plugin.LoadedPlugin;
import io.sabot.runtime.plugin.PluginLoader;
import io.sabot.runtime.savepoint.CreatedSavepoint;
import io.sabot.runtime.savepoint.SavepointManager;
import io.sabot.runtime.savepoint.TransferTracker;
import io.sabot.runtime.savepoint.SavepointRestore;
import io.sabot.api.savepoint.SavepointId;
import io.sabot.supervision.SupervisionStrategies;
import io.sabot.supervision.Supervisor;
import io.sabot.supervision.SupervisorOutcome;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Sabot worker: an app's agents and sources under a supervision tree, with checkpoints, the plugins found
 * on the class path (metrics, resources, stores, strategies), and one HTTP listener.
 *
 * <p>The tree is a root supervisor with one child supervisor per group (the default group first, then the app's
 * groups in declaration order). The root never restarts a group: when a group's supervisor gives up, the root gives
 * up too and the worker ends with {@link WorkerExit#SUPERVISOR_GAVE_UP}, so that the process's own supervisor
 * (systemd, Kubernetes) restarts it. A {@code one_for_all} group is a consistent region: before it restarts, its
 * channels are emptied and its tasks resume from one checkpoint, sources rewinding to that checkpoint's positions.
 *
 * <p>Thread-safety: {@link #stop(boolean)} and the getters may be called from any thread.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** The plugin properties that workers of this JVM set (as opposed to the user, with {@code -D}). */
    private static final Set<String> PROPERTIES_SET_BY_WORKERS = new java.util.HashSet<>();

    /** The file in the app's directory that holds the running worker's HTTP address. */
    public static final String ADDRESS_FILE = "worker.address";
    /** The file in the app's directory that holds the running worker's admin token. */
    public static final String TOKEN_FILE = "admin.token";

    /** The filesystem store's option that creates a missing directory, which the worker sets for its own stores. */
    private static final String CREATE_DIRECTORY = "fs.create-directory";

    private final WorkerConfig config;
    private final AppModel model;
    private final Path appDir;
    private final Metrics metrics;
    private final TransferTracker transfers = new TransferTracker();
    private final SavepointStore checkpointStore;
    private final SavepointStore savepointStore;
    private final CheckpointCoordinator coordinator;
    private final TaskGraph graph;
    private final Map<String, String> groupOf = new LinkedHashMap<>();
    private final Map<String, SavepointStoreProvider> storeProviders;
    private SavepointRestore restore;
    private final Supervisor root;
    private final Optional<ResourceMonitor> monitor;
    private final List<MetricsExporter> exporters;
    private final WorkerHttpServer http;
    private final Instant startedAt;
    private final CompletableFuture<WorkerExit> exit = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean gaveUp;

    private Worker(WorkerConfig config, ClassLoader loader, Clock clock) throws IOException {
        this.config = config;
        this.startedAt = clock.instant();
        App app = AppLoader.load(config.appClass(), loader);
        this.model = AppModel.of(app, AppSettings.of(config.settings()));
        String appId = Ids.requireValid("app id", model.appId());
        this.appDir = config.dataDir().resolve("apps").resolve(appId);

        applyPluginProperties(pluginProperties(config));
        List<LoadedPlugin> plugins = PluginLoader.discover(loader);
        Injector injector = PluginLoader.createInjector(plugins, List.of());
        this.metrics = optional(injector, Key.get(Metrics.class)).orElse(Metrics.noop());
        SupervisionStrategies strategies = optional(injector,
                Key.get(new TypeLiteral<Map<String, SupervisionStrategy>>() { }))
                .map(SupervisionStrategies::new).orElse(SupervisionStrategies.builtIns());
        Map<String, SavepointStoreProvider> stores = optional(injector,
                Key.get(new TypeLiteral<Map<String, SavepointStoreProvider>>() { })).orElse(Map.of());

        Map<String, SupervisionStrategy> groupStrategies = new LinkedHashMap<>();
        for (String group : groupNames()) {
            GroupSpec spec = model.groups().get(group);
            String name = spec == null ? config.supervision() : spec.strategy().orElse(config.supervision());
            groupStrategies.put(group, strategies.get(name));
            model.members(group).forEach(member -> groupOf.put(member, group));
        }
        this.storeProviders = stores;

        URI checkpointLocation = config.checkpointDir().orElse(appDir.resolve("checkpoints").toUri());
        URI savepointLocation = config.savepointDir().orElse(appDir.resolve("savepoints").toUri());
        java.util.Deque<Closer> undo = new java.util.ArrayDeque<>();
        try {
            this.checkpointStore = openStore(checkpointLocation, "checkpoint");
            undo.push(checkpointStore::close);
            this.savepointStore = openStore(savepointLocation, "savepoint");
            undo.push(savepointStore::close);

            this.coordinator = CheckpointCoordinator.builder(appId, checkpointStore)
                    .retained(config.checkpointsRetained()).metrics(metrics).clock(clock).build();
            undo.push(coordinator::close);
            Optional<SnapshotMetadata> found = coordinator.initialize();
            RecoveryState initial = initialRecovery(found);
            long baseline = config.recover() ? -1 : found.map(SnapshotMetadata::checkpointId).orElse(-1L);
            RecoveryState recovery = new WorkerRecovery(coordinator, baseline, initial);

            TaskServices services = TaskServices.defaults().withMetrics(metrics).withCheckpoints(coordinator, recovery);
            this.graph = TaskGraph.create(model, services);
            coordinator.register(graph.sources(), graph.agents());
            for (TaskBase task : tasks()) {
                metrics.gauge(StandardMetrics.AGENT_UP, () -> task.isRunning() ? 1 : 0, task.id());
            }

            this.root = buildTree(groupStrategies, clock);
            this.monitor = optional(injector, Key.get(ResourceMonitor.class));
            this.exporters = new ArrayList<>(optional(injector, Key.get(new TypeLiteral<Set<MetricsExporter>>() { }))
                    .orElse(Set.of()));
            Set<HttpEndpoint> endpoints = optional(injector, Key.get(new TypeLiteral<Set<HttpEndpoint>>() { }))
                    .orElse(Set.of());
            AdminToken token = AdminToken.generate();
            WorkerHttpServer.Builder httpBuilder = WorkerHttpServer.builder().bindAddress(config.httpBind())
                    .port(config.httpPort()).health(this::health)
                    .endpoint(new JsonEndpoint("/agents", this::status))
                    .endpoint(new JsonEndpoint("/savepoint/progress", transfers::status))
                    .adminToken(token)
                    .adminAction("checkpoint", params -> Map.of("checkpoint", checkpoint().get(
                            config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS).id()))
                    .adminAction("savepoint", params -> savepointSummary(savepoint(params.getOrDefault("description", ""))))
                    .adminAction("stop", params -> {
                        Map<String, Object> result = new LinkedHashMap<>();
                        boolean withSavepoint = Boolean.parseBoolean(params.getOrDefault("savepoint", "false"));
                        if (withSavepoint) {
                            result.putAll(savepointSummary(savepoint(params.getOrDefault("description", ""))));
                        }
                        boolean finalCheckpoint = !withSavepoint && Boolean.parseBoolean(params.getOrDefault(
                                "checkpoint", Boolean.toString(config.finalCheckpoint())));
                        Thread stopper = new Thread(() -> stop(finalCheckpoint), "sabot-admin-stop");
                        stopper.start();
                        result.put("stopping", true);
                        return result;
                    });
            endpoints.forEach(httpBuilder::endpoint);
            this.http = httpBuilder.start();
            undo.push(http::close);
            Files.createDirectories(appDir);
            token.writeTo(appDir.resolve(TOKEN_FILE));
            Files.writeString(appDir.resolve(ADDRESS_FILE), "http://" + http.address().getAddress().getHostAddress()
                    + ":" + http.address().getPort() + "\n");
        } catch (IOException | RuntimeException e) {
            while (!undo.isEmpty()) {
                closeQuietly(undo.pop(), "resource of a worker that failed to start");
            }
            if (restore != null) {
                closeQuietly(restore::close, "restored savepoint");
            }
            throw e;
        }
    }

    /**
     * The plugin settings that follow from the worker's configuration. Plugin modules are created by
     * {@link java.util.ServiceLoader} with no arguments and read their settings from {@code sabot.<plugin>.*} system
     * properties (documented with each module); the worker sets these before it discovers them, so flags such as
     * {@code --statsd} reach the metrics module. A property the user already set with {@code -D} is kept; one that an
     * earlier worker in this JVM set is replaced.
     *
     * @param config the worker's configuration
     * @return property names and values
     */
    static Map<String, String> pluginProperties(WorkerConfig config) {
        Map<String, String> props = new LinkedHashMap<>();
        config.statsd().ifPresent(hostPort -> {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("--statsd must be HOST:PORT, got '" + hostPort + "'");
            }
            props.put("sabot.metrics.statsd.host", hostPort.substring(0, colon));
            props.put("sabot.metrics.statsd.port", hostPort.substring(colon + 1));
        });
        config.pushgateway().ifPresent(url -> props.put("sabot.metrics.pushgateway.url", url.toString()));
        props.put("sabot.resources.interval", io.sabot.api.Durations.format(config.resourceInterval()));
        if (!config.backpressure().equals(BackpressureThresholds.DEFAULT)) {
            props.put("sabot.resources.backpressure", config.backpressure().toText());
        }
        synchronized (PROPERTIES_SET_BY_WORKERS) {
            props.keySet().removeIf(key -> System.getProperty(key) != null
                    && !PROPERTIES_SET_BY_WORKERS.contains(key));
        }
        return props;
    }

    /**
     * Sets the plugin properties of this worker, and clears those an earlier worker in this JVM set that this one
     * does not, so that a worker started after another (in tests, or embedded) does not inherit its settings.
     *
     * @param props what {@link #pluginProperties(WorkerConfig)} returned
     */
    static void applyPluginProperties(Map<String, String> props) {
        synchronized (PROPERTIES_SET_BY_WORKERS) {
            for (String key : PROPERTIES_SET_BY_WORKERS) {
                if (!props.containsKey(key)) {
                    System.clearProperty(key);
                }
            }
            PROPERTIES_SET_BY_WORKERS.retainAll(props.keySet());
            props.forEach((key, value) -> {
                System.setProperty(key, value);
                PROPERTIES_SET_BY_WORKERS.add(key);
            });
        }
    }

    /**
     * Starts a worker: loads the app and the plugins, opens the stores, starts the supervision tree, checkpoints,
     * the resource monitor, the exporters and the HTTP listener.
     *
     * @param config the worker's configuration
     * @param loader where to find the app and the plugins
     * @return the running worker
     * @throws IllegalArgumentException for a configuration or app problem (one clear message)
     * @throws IOException              if a store or the HTTP listener cannot be opened
     */
    public static Worker start(WorkerConfig config, ClassLoader loader) throws IOException {
        return start(config, loader, Clock.systemUTC());
    }

    static Worker start(WorkerConfig config, ClassLoader loader, Clock clock) throws IOException {
        Worker worker = new Worker(config, loader, clock);
        try {
            worker.run();
        } catch (RuntimeException e) {
            worker.stop(false);
            throw e;
        }
        return worker;
    }

    private void run() {
        monitor.ifPresent(m -> {
            Map<String, List<ResourceLimit>> agentLimits = new LinkedHashMap<>();
            model.agents().forEach(a -> agentLimits.put(a.id(), new ArrayList<>(a.settings().limits())));
            model.sources().forEach(s -> agentLimits.put(s.name(), new ArrayList<>(s.settings().limits())));
            config.limits().forEach((target, limits) -> {
                if (!target.equals(WorkerConfig.WORKER_LIMITS)) {
                    agentLimits.computeIfAbsent(target, k -> new ArrayList<>()).addAll(limits);
                }
            });
            m.limits(agentLimits, config.limits().getOrDefault(WorkerConfig.WORKER_LIMITS, List.of()));
            m.start(graph.monitoredAgents());
        });
        exporters.forEach(e -> e.start(metrics));
        root.start();
        if (!config.checkpointInterval().isZero()) {
            coordinator.startPeriodic(config.checkpointInterval());
        }
        root.termination().thenAccept(outcome -> {
            if (outcome.kind() != SupervisorOutcome.Kind.STOPPED && !stopping.get()) {
                gaveUp = true;
                LOG.error("the root supervisor gave up ({}); the worker stops", outcome.reason());
                Thread stopper = new Thread(() -> finish(WorkerExit.SUPERVISOR_GAVE_UP, false), "sabot-gave-up");
                stopper.start();
            }
        });
        LOG.info("worker for app '{}' started: HTTP on http://{}:{} (/health, /agents{}), checkpoints in {} "
                        + "every {}, savepoints in {}", model.appId(), http.address().getAddress().getHostAddress(),
                http.address().getPort(), hasMetricsEndpoint() ? ", /metrics" : "", checkpointStore.location(),
                config.checkpointInterval().isZero() ? "(off)" : io.sabot.api.Durations.format(
                        config.checkpointInterval()), savepointStore.location());
    }

    private boolean hasMetricsEndpoint() {
        return metrics != Metrics.noop();
    }

    private List<String> groupNames() {
        List<String> names = new ArrayList<>();
        names.add(AppModel.DEFAULT_GROUP);
        for (String g : model.groups().keySet()) {
            if (!g.equals(AppModel.DEFAULT_GROUP)) {
                names.add(g);
            }
        }
        return names;
    }

    private List<TaskBase> tasks() {
        List<TaskBase> all = new ArrayList<>(graph.agents());
        all.addAll(graph.sources());
        return all;
    }

    private Supervisor buildTree(Map<String, SupervisionStrategy> groupStrategies, Clock clock) {
        Supervisor.Builder rootBuilder = Supervisor.builder("root")
                .strategy(SupervisionStrategies.builtIns().get("one_for_one"))
                .intensity(RestartIntensity.of(0, Duration.ofSeconds(1)))
                .clock(clock)
                .onRootGaveUp(event -> LOG.error("root supervisor gave up after {}", event.lastExit()));
        for (Map.Entry<String, SupervisionStrategy> e : groupStrategies.entrySet()) {
            String group = e.getKey();
            List<ChildSpec> children = graph.childSpecs(group);
            if (children.isEmpty()) {
                continue;
            }
            GroupSpec spec = model.groups().get(group);
            SupervisionStrategy strategy = e.getValue();
            boolean region = strategy.name().equals("one_for_all");
            RegionReset reset = new RegionReset(group, region);
            Supervisor.Builder b = Supervisor.builder(group).strategy(strategy).clock(clock)
                    .intensity(spec == null ? config.intensity() : spec.intensity().orElse(config.intensity()))
                    .listener(event -> onEvent(group, strategy.name(), reset, event));
            if (spec != null) {
                b.backoff(spec.backoff());
            }
            for (int i = 0; i < children.size(); i++) {
                ChildSpec child = staysWhenFinished(children.get(i));
                b.child(region && i == 0 ? reset.wrapFirst(child) : child);
            }
            rootBuilder.child(b.asChildSpec().build());
        }
        return rootBuilder.build();
    }

    /**
     * Keeps a finished task's child alive until it is asked to stop: a source that is exhausted, or an agent whose
     * inputs all ended, waits instead of exiting. So a finished task is not restarted or removed by its supervisor,
     * and when its consistent region restarts from a checkpoint it is stopped and started again with the others -
     * a finished source then replays what followed the checkpoint.
     */
    private ChildSpec staysWhenFinished(ChildSpec spec) {
        TaskBase task = task(spec.id());
        io.sabot.api.supervision.ChildFactory original = spec.factory();
        return new ChildSpec(spec.id(), args -> {
            io.sabot.api.supervision.Child child = original.create(args);
            java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
            return new io.sabot.api.supervision.Child() {
                @Override
                public void run() throws Exception {
                    child.run();
                    if (finished(task)) {
                        stop.await();
                    }
                }

                @Override
                public void requestStop() {
                    stop.countDown();
                    child.requestStop();
                }
            };
        }, spec.restart(), spec.shutdown(), spec.type(), spec.attributes());
    }

    private TaskBase task(String id) {
        return graph.agent(id).isPresent() ? graph.agent(id).get() : graph.source(id).orElseThrow();
    }

    private static boolean finished(TaskBase task) {
        return task instanceof io.sabot.runtime.agent.AgentTask
                ? ((io.sabot.runtime.agent.AgentTask) task).isFinished()
                : ((io.sabot.runtime.agent.SourceTask) task).isFinished();
    }

    /**
     * Returns a consistent region to its latest checkpoint once all its tasks have stopped and before the first of
     * them starts again: after a failure, and after any restart that stopped a task before it finished (its progress
     * since the checkpoint is lost with it, so the region must replay from there). A restart of tasks that had all
     * finished needs no reset. Called only on the group supervisor's own thread.
     */
    private final class RegionReset {
        private final String group;
        private final boolean enabled;
        private boolean started;
        private boolean dirty;

        RegionReset(String group, boolean enabled) {
            this.group = group;
            this.enabled = enabled;
        }

        void exited() {
            dirty = enabled;
        }

        private boolean interruptedMembers() {
            for (String member : model.members(group)) {
                TaskBase task = task(member);
                if (!task.isRunning() && !finished(task)) {
                    return true;
                }
            }
            return false;
        }

        /** Wraps the group's first child: under ONE_FOR_ALL every (re)start of the group begins with it. */
        ChildSpec wrapFirst(ChildSpec spec) {
            io.sabot.api.supervision.ChildFactory original = spec.factory();
            return new ChildSpec(spec.id(), args -> {
                boolean restart = started && (dirty || interruptedMembers());
                started = true;
                if (restart) {
                    dirty = false;
                    coordinator.abortPending("consistent region '" + group + "' restarts");
                    int dropped = graph.resetForRecovery(group);
                    LOG.info("consistent region '{}' restarts from checkpoint {} ({} in-flight elements dropped)",
                            group, coordinator.latestCompleted().map(SnapshotMetadata::id).orElse("(none)"), dropped);
                }
                return original.create(args);
            }, spec.restart(), spec.shutdown(), spec.type(), spec.attributes());
        }
    }

    private void onEvent(String group, String strategy, RegionReset reset, SupervisionEvent event) {
        if (event instanceof SupervisionEvent.ChildExited) {
            SupervisionEvent.ChildExited exited = (SupervisionEvent.ChildExited) event;
            ExitReason reason = exited.reason();
            if (reason.isAbnormal()) {
                LOG.warn("{} '{}' in group '{}' exited: {}", kind(exited.child()), exited.child(), group,
                        reason.description());
                coordinator.taskFailed(exited.child(), reason.cause().orElse(new IllegalStateException(
                        reason.description())));
                reset.exited();
            } else {
                LOG.info("{} '{}' in group '{}' exited: {}", kind(exited.child()), exited.child(), group,
                        reason.description());
            }
        } else if (event instanceof SupervisionEvent.ChildRestarted) {
            SupervisionEvent.ChildRestarted r = (SupervisionEvent.ChildRestarted) event;
            metrics.counter(StandardMetrics.AGENT_RESTARTS, r.child(), group, strategy).inc();
            metrics.timer(StandardMetrics.RESTART_LATENCY, group).record(r.latency());
            LOG.info("restarted '{}' in group '{}' ({} restarts, {} µs after its exit)", r.child(), group,
                    r.restarts(), r.latency().toNanos() / 1000);
        } else if (event instanceof SupervisionEvent.ChildRestartFailed) {
            SupervisionEvent.ChildRestartFailed f = (SupervisionEvent.ChildRestartFailed) event;
            metrics.counter(StandardMetrics.AGENT_RESTART_FAILURES, f.child()).inc();
            LOG.warn("restarting '{}' in group '{}' failed: {}", f.child(), group, f.reason().description());
        } else if (event instanceof SupervisionEvent.SupervisorGaveUp) {
            SupervisionEvent.SupervisorGaveUp g = (SupervisionEvent.SupervisorGaveUp) event;
            metrics.counter(StandardMetrics.SUPERVISOR_ESCALATIONS, group).inc();
            LOG.error("group '{}' exceeded its restart intensity ({} in {}) and gave up; last exit: {}", group,
                    g.intensity().maxRestarts(), io.sabot.api.Durations.format(g.intensity().period()),
                    g.lastExit().description());
        } else if (event instanceof SupervisionEvent.ChildStuck) {
            SupervisionEvent.ChildStuck s = (SupervisionEvent.ChildStuck) event;
            LOG.error("'{}' in group '{}' did not stop within {} and was abandoned", s.child(), group, s.waited());
        }
    }

    private String kind(String id) {
        return graph.source(id).isPresent() ? "source" : "agent";
    }

    private RecoveryState initialRecovery(Optional<SnapshotMetadata> found) throws IOException {
        if (config.recover()) {
            if (found.isPresent()) {
                LOG.info("recovering from checkpoint {} in {}", found.get().id(), checkpointStore.location());
            } else {
                LOG.info("--recover: no completed checkpoint in {}; starting fresh", checkpointStore.location());
            }
            return coordinator.recoveryState();
        }
        if (config.fromSnapshot().isPresent()) {
            String from = config.fromSnapshot().get();
            SavepointRestore restore = SavepointId.isValid(from)
                    ? SavepointManager.of(savepointStore).openForRestore(from)
                    : SavepointManager.openForRestore(StoreLocations.parse(from), provider(StoreLocations.parse(from)),
                            config.storeOptions());
            this.restore = restore;
            List<String> unknown = new ArrayList<>(restore.metadata().agentIds());
            unknown.removeAll(knownTasks());
            if (!unknown.isEmpty() && !config.allowNonRestoredState()) {
                throw new IllegalArgumentException("savepoint " + restore.id() + " holds state of " + unknown
                        + ", which the app no longer has; start with --allow-non-restored-state to drop it");
            }
            LOG.info("starting from {} {} ({} agents, {} bytes){}", restore.metadata().kind().name().toLowerCase(
                    java.util.Locale.ROOT), restore.id(), restore.metadata().agentIds().size(),
                    restore.metadata().totalBytes(), unknown.isEmpty() ? "" : "; dropping the state of " + unknown);
            return restore;
        }
        return RecoveryState.NONE;
    }

    private List<String> knownTasks() {
        List<String> ids = new ArrayList<>();
        model.agents().forEach(a -> ids.add(a.id()));
        model.sources().forEach(s -> ids.add(s.name()));
        return ids;
    }

    private SavepointStoreProvider provider(URI location) {
        String scheme = StoreLocations.scheme(location);
        SavepointStoreProvider provider = storeProviders.get(scheme);
        if (provider == null) {
            throw new IllegalArgumentException("no store for '" + scheme + ":' locations such as " + location
                    + " on the class path; add the module that serves it (sabot-savepoint-fs for file:, "
                    + "sabot-savepoint-s3 for s3:)");
        }
        return provider;
    }

    /**
     * Opens the checkpoint or savepoint store with the configured store options; the worker creates its own
     * filesystem directories unless the options say {@code fs.create-directory=false}.
     */
    private SavepointStore openStore(URI location, String what) throws IOException {
        Map<String, String> options = new LinkedHashMap<>(config.storeOptions());
        if (StoreLocations.scheme(location).equals("file")) {
            options.putIfAbsent(CREATE_DIRECTORY, "true");
        }
        try {
            return provider(location).open(location, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open the " + what + " store " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private static <T> Optional<T> optional(Injector injector, Key<T> key) {
        Binding<T> binding = injector.getExistingBinding(key);
        return binding == null ? Optional.empty() : Optional.of(binding.getProvider().get());
    }

    /** {@return the worker's health: live until the root supervisor gives up, ready while every task runs} */
    public Health health() {
        if (gaveUp) {
            return new Health(false, false, "the root supervisor gave up");
        }
        List<TaskBase> all = tasks();
        long running = all.stream().filter(TaskBase::isRunning).count();
        long finished = all.stream().filter(t -> !t.isRunning() && finished(t)).count();
        boolean ready = running + finished == all.size() && !stopping.get();
        return new Health(true, ready, running + " of " + all.size() + " agents and sources running"
                + (finished > 0 ? ", " + finished + " finished" : "") + (stopping.get() ? "; stopping" : ""));
    }

    /** {@return the worker's {@code /agents} document} */
    public WorkerStatus status() {
        Map<String, ChildInfo> infos = new LinkedHashMap<>();
        for (ChildInfo group : root.whichChildren()) {
            infos.put("group:" + group.id(), group);
        }
        Map<String, io.sabot.api.resources.AgentUsage> usages = monitor.map(ResourceMonitor::agentUsages)
                .orElse(Map.of());
        List<AgentStatus> agents = new ArrayList<>();
        for (TaskBase task : tasks()) {
            String state = task.isRunning() ? "RUNNING" : finished(task) ? "FINISHED"
                    : task.stoppedForGood().isPresent() ? "STOPPED" : "RESTARTING";
            agents.add(new AgentStatus(task.id(), kind(task.id()), groupOf.getOrDefault(task.id(),
                    AppModel.DEFAULT_GROUP), state, task.restarts(),
                    task.lastFailure().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()),
                    task.eventsProcessed(), task.inputDepth(),
                    task.stateBytes().isPresent() ? Optional.of(task.stateBytes().getAsLong()) : Optional.empty(),
                    Optional.ofNullable(usages.get(task.id()))));
        }
        Map<String, WorkerStatus.ChannelStatus> channels = new LinkedHashMap<>();
        graph.channels().forEach((name, c) -> channels.put(name, new WorkerStatus.ChannelStatus(c.depth(),
                c.capacity())));
        return new WorkerStatus(model.appId(), startedAt, health().ready(), agents, channels,
                coordinator.latestCompleted().map(SnapshotMetadata::id));
    }

    /** {@return the app's model} */
    public AppModel model() {
        return model;
    }

    /** {@return the address the HTTP listener is bound to} */
    public java.net.InetSocketAddress httpAddress() {
        return http.address();
    }

    /** {@return the checkpoint store} */
    public SavepointStore checkpointStore() {
        return checkpointStore;
    }

    /** {@return the savepoint store} */
    public SavepointStore savepointStore() {
        return savepointStore;
    }

    /** {@return the app's directory under the data directory} */
    public Path appDirectory() {
        return appDir;
    }

    /**
     * Triggers a checkpoint now.
     *
     * @return the checkpoint's metadata once it is complete
     */
    public CompletableFuture<SnapshotMetadata> checkpoint() {
        return coordinator.trigger();
    }

    /**
     * Takes a fresh savepoint: a checkpoint now, then a savepoint made from it (hard links on the same
     * filesystem, a server-side copy on S3). The savepoint never changes afterwards. Savepoints requested at the
     * same time are copied one after the other.
     *
     * @param description free text kept in the savepoint's metadata
     * @return the savepoint
     * @throws Exception if the checkpoint or the savepoint fails (one clear message)
     */
    public CreatedSavepoint savepoint(String description) throws Exception {
        SnapshotMetadata checkpoint;
        try {
            checkpoint = checkpoint().get(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the checkpoint for the savepoint failed: " + e.getCause().getMessage(), e);
        }
        CreatedSavepoint created;
        synchronized (transfers) { // one copy at a time, so /savepoint/progress always tells of the one running
            created = SavepointManager.builder(savepointStore).metrics(metrics).progress(transfers).build()
                    .createFromCheckpoint(checkpointStore, checkpoint.checkpointId(), description);
        }
        LOG.info("savepoint {} created from checkpoint {} ({} bytes, {})", created.id(), checkpoint.id(),
                created.metadata().totalBytes(), created.copyMethod());
        return created;
    }

    private static Map<String, Object> savepointSummary(CreatedSavepoint created) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("savepoint", created.id());
        summary.put("checkpoint", created.metadata().checkpointId());
        summary.put("bytes", created.metadata().totalBytes());
        summary.put("copy", created.copyMethod().name());
        summary.put("seconds", created.duration().toNanos() / 1e9);
        return summary;
    }

    /**
     * Stops the worker gracefully: a final checkpoint if asked, then the tasks in reverse start order, then
     * everything else. Idempotent; returns when the worker has stopped.
     *
     * @param finalCheckpoint take a checkpoint before stopping the tasks
     */
    public void stop(boolean finalCheckpoint) {
        finish(WorkerExit.STOPPED, finalCheckpoint);
    }

    private void finish(WorkerExit how, boolean finalCheckpoint) {
        if (!stopping.compareAndSet(false, true)) {
            exit.join();
            return;
        }
        if (finalCheckpoint && !gaveUp) {
            try {
                SnapshotMetadata last = coordinator.trigger().get(config.stopTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                LOG.info("final checkpoint {} written", last.id());
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("final checkpoint failed: {}", e.getCause() == null ? e.toString() : e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        coordinator.stopPeriodic();
        root.stop();
        exporters.forEach(e -> closeQuietly(e::close, "exporter " + e.name()));
        monitor.ifPresent(m -> closeQuietly(m::close, "resource monitor"));
        closeQuietly(http::close, "HTTP listener");
        closeQuietly(coordinator::close, "checkpoint coordinator");
        closeQuietly(() -> Files.deleteIfExists(appDir.resolve(ADDRESS_FILE)), "address file");
        closeQuietly(checkpointStore::close, "checkpoint store");
        closeQuietly(savepointStore::close, "savepoint store");
        if (restore != null) {
            closeQuietly(restore::close, "restored savepoint");
        }
        LOG.info("worker for app '{}' stopped", model.appId());
        exit.complete(how);
    }

    @FunctionalInterface
    private interface Closer {
        void close() throws Exception;
    }

    private static void closeQuietly(Closer closer, String what) {
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("closing the {} failed: {}", what, e.toString());
        }
    }

    /**
     * Waits for the worker to end.
     *
     * @return how it ended
     */
    public WorkerExit awaitExit() {
        return exit.join();
    }

    /** {@return a future completed with how the worker ended} */
    public CompletableFuture<WorkerExit> exit() {
        return exit;
    }

    /** Stops the worker without a final checkpoint. */
    @Override
    public void close() {
        stop(false);
    }
}
