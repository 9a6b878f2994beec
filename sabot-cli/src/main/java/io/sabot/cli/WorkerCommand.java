package io.sabot.cli;

import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.savepoint.StoreLocations;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.resources.LimitSpec;
import io.sabot.runtime.worker.Worker;
import io.sabot.runtime.worker.WorkerConfig;
import io.sabot.runtime.worker.WorkerExit;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sabot worker}: runs an app's agents under supervision with checkpoints, metrics and resource monitoring
 * until it is stopped (SIGTERM, Ctrl-C, {@code POST /admin/stop}) or its root supervisor gives up.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs an app's agents under supervision, with checkpoints, metrics, resource limits and "
                + "savepoints, until stopped (SIGTERM or Ctrl-C stop it gracefully, with a final checkpoint)."})
public final class WorkerCommand implements Callable<Integer> {

    @ParentCommand
    private SabotCommand parent;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private AppOption app;

    @Option(names = "--supervision", defaultValue = "one_for_one", paramLabel = "STRATEGY",
            description = "Strategy of the default group: one_for_one, one_for_all, rest_for_one, or a plugin's "
                    + "(default: ${DEFAULT-VALUE}).")
    private String supervision;

    @Option(names = "--restart-intensity", defaultValue = "3", paramLabel = "N",
            description = "Most restarts within the restart period before a group gives up (default: ${DEFAULT-VALUE}).")
    private int restartIntensity;

    @Option(names = "--restart-period", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "D",
            description = "The sliding window of the restart intensity (default: ${DEFAULT-VALUE}).")
    private Duration restartPeriod;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "1", paramLabel = "N",
            description = "Instances of each agent; only 1 is supported today (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--recover", description = "Resume from the latest completed checkpoint.")
    private boolean recover;

    @Option(names = "--from-savepoint", paramLabel = "ID|URI",
            description = "Start from a savepoint: its id in the savepoint directory, or its own location.")
    private String fromSavepoint;

    @Option(names = "--allow-non-restored-state",
            description = "Start from a savepoint even if it holds state of agents the app no longer has.")
    private boolean allowNonRestoredState;

    @Option(names = "--checkpoint-interval", defaultValue = "30s", converter = DurationConverter.class,
            paramLabel = "D", description = "Time between checkpoints; 0 turns them off (default: ${DEFAULT-VALUE}).")
    private Duration checkpointInterval;

    @Option(names = "--checkpoints-retained", defaultValue = "3", paramLabel = "N",
            description = "Completed checkpoints kept (default: ${DEFAULT-VALUE}).")
    private int checkpointsRetained;

    @Mixin
    private StoreOptions stores;

    @Option(names = "--metrics-port", defaultValue = "9250", paramLabel = "PORT",
            description = "Port of the worker's HTTP listener: /metrics, /health, /agents; 0 picks a free one "
                    + "(default: ${DEFAULT-VALUE}).")
    private int metricsPort;

    @Option(names = "--metrics-bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address of the HTTP listener (default: ${DEFAULT-VALUE}).")
    private String metricsBind;

    @Option(names = "--statsd", paramLabel = "HOST:PORT", description = "Also send metrics to this StatsD daemon.")
    private String statsd;

    @Option(names = "--pushgateway", paramLabel = "URL", description = "Also push metrics to this Pushgateway.")
    private URI pushgateway;

    @Option(names = "--resource-interval", defaultValue = "1s", converter = DurationConverter.class, paramLabel = "D",
            description = "Interval of the resource monitor (default: ${DEFAULT-VALUE}).")
    private Duration resourceInterval;

    @Option(names = "--backpressure", paramLabel = "THRESHOLDS",
            description = {"When an agent's backpressure level is LOW, MEDIUM, HIGH and CRITICAL: "
                    + "resource=0.5/0.7/0.85/0.95 (shares of its limits) and/or flow=0.1/0.3/0.5 (shares of time "
                    + "blocked on output), joined by a comma; a part left out keeps those defaults. "
                    + "See docs/resources.md."})
    private String backpressure;

    @Option(names = "--limit", paramLabel = "[AGENT@]KIND=THRESHOLD[:ACTION]",
            description = {"A resource limit, repeatable: detector@agent_cpu=20%:throttle, "
                    + "detector@agent_state_bytes=64MiB:restart, worker_memory_bytes=3GiB:warn. "
                    + "Actions: warn, throttle, restart, stop. See docs/resources.md."})
    private List<String> limits = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An app setting, repeatable "
            + "(for the demo: --set fraud.fault-rate=0.01).")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--stop-timeout", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "D",
            description = "How long a graceful stop may take (default: ${DEFAULT-VALUE}).")
    private Duration stopTimeout;

    @Option(names = "--no-final-checkpoint", description = "Do not checkpoint when stopping gracefully.")
    private boolean noFinalCheckpoint;

    @Override
    public Integer call() throws Exception {
        WorkerConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        Worker worker;
        try {
            worker = Worker.start(config, Thread.currentThread().getContextClassLoader());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, stores.withOrigins(e.getMessage()), e);
        }
        Thread hook = new Thread(() -> {
            worker.stop(config.finalCheckpoint());
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "sabot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String http = "http://" + worker.httpAddress().getAddress().getHostAddress() + ":"
                + worker.httpAddress().getPort();
        out.println("sabot worker running app '" + worker.model().appId() + "'");
        out.println("  health:      " + http + "/health   agents: " + http + "/agents   metrics: " + http + "/metrics");
        out.println("  checkpoints: " + worker.checkpointStore().location()
                + (config.checkpointInterval().isZero() ? " (periodic checkpoints off)"
                : " every " + io.sabot.api.Durations.format(config.checkpointInterval())));
        out.println("  savepoints:  " + worker.savepointStore().location());
        out.println("  admin token: " + worker.appDirectory().resolve(Worker.TOKEN_FILE));
        out.println("Stop with Ctrl-C or SIGTERM (a final checkpoint is taken).");
        out.flush();
        WorkerExit exit = worker.awaitExit();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
        switch (exit) {
            case STOPPED:
                return ExitCodes.OK;
            case SUPERVISOR_GAVE_UP:
                throw new CliException(ExitCodes.SUPERVISOR_GAVE_UP, "the worker's root supervisor gave up: a group "
                        + "exceeded its restart intensity (" + restartIntensity + " in "
                        + io.sabot.api.Durations.format(restartPeriod) + "); see the log above");
            default:
                throw new CliException(ExitCodes.FAILURE, "the worker failed; see the log above");
        }
    }

    /**
     * Builds the worker's configuration from the options.
     *
     * @return the configuration
     * @throws CliException (usage) for a malformed value
     */
    WorkerConfig config() {
        WorkerConfig.Builder b = WorkerConfig.builder(app.className(), parent.home().root())
                .supervision(supervision)
                .concurrency(concurrency)
                .recover(recover)
                .fromSnapshot(fromSavepoint)
                .allowNonRestoredState(allowNonRestoredState)
                .checkpointInterval(checkpointInterval)
                .checkpointsRetained(checkpointsRetained)
                .httpPort(metricsPort)
                .statsd(statsd)
                .pushgateway(pushgateway)
                .resourceInterval(resourceInterval)
                .stopTimeout(stopTimeout)
                .finalCheckpoint(!noFinalCheckpoint);
        try {
            b.intensity(RestartIntensity.of(restartIntensity, restartPeriod));
            b.httpBind(InetAddress.getByName(metricsBind));
            stores.checkpointDir().map(StoreLocations::parse).ifPresent(b::checkpointDir);
            stores.savepointDir().map(StoreLocations::parse).ifPresent(b::savepointDir);
            b.storeOptions(stores.storeOptions());
            if (backpressure != null) {
                b.backpressure(BackpressureThresholds.parse(backpressure));
            }
            for (String limit : limits) {
                addLimit(b, limit);
            }
            settings.forEach(b::setting);
            if (concurrency != 1) {
                throw new IllegalArgumentException("--concurrency: only 1 instance per agent is supported today");
            }
            return b.build();
        } catch (UnknownHostException e) {
            throw new CliException(ExitCodes.USAGE, "--metrics-bind: unknown address '" + metricsBind + "'");
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    private static void addLimit(WorkerConfig.Builder b, String text) {
        int at = text.indexOf('@');
        String target = at < 0 ? null : text.substring(0, at);
        ResourceLimit limit = LimitSpec.parse(at < 0 ? text : text.substring(at + 1));
        boolean agentScoped = limit.kind().scope() == LimitKind.Scope.AGENT;
        if (agentScoped && target == null) {
            throw new IllegalArgumentException("--limit " + text + ": " + limit.kind().name().toLowerCase(
                    java.util.Locale.ROOT) + " is set per agent; write AGENT@" + text);
        }
        if (!agentScoped && target != null) {
            throw new IllegalArgumentException("--limit " + text + ": " + limit.kind().name().toLowerCase(
                    java.util.Locale.ROOT) + " is a worker limit; drop '" + target + "@'");
        }
        b.limit(agentScoped ? target : WorkerConfig.WORKER_LIMITS, limit);
    }
}
