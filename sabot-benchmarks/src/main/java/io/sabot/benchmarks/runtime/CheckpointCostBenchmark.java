package io.sabot.benchmarks.runtime;

import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.metrics.DropwizardMetrics;
import io.sabot.runtime.TaskGraph;
import io.sabot.runtime.agent.TaskServices;
import io.sabot.runtime.app.AppModel;
import io.sabot.runtime.app.AppSettings;
import io.sabot.runtime.checkpoint.CheckpointCoordinator;
import io.sabot.savepoint.fs.FsSavepointStore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cost of a checkpoint: {@code agents} agents (default 100) each holding {@code state-kib} KiB of state (default
 * 1024, so 100 MiB in total) checkpointed to the real filesystem store ({@link FsSavepointStore}, fsync on as by
 * default) while a rate-limited source keeps events flowing. A benchmark program rather than JMH, as it reports
 * several figures per checkpoint.
 *
 * <p>For each checkpoint it reports:
 * <ul>
 *   <li><b>duration</b>: from {@link CheckpointCoordinator#trigger()} to its future completing, so the metadata
 *       is durable (it includes the coordinator's removal of the checkpoint that retention drops, from the 4th on);
 *   <li><b>max hook</b>: the longest snapshot hook of any agent, on the agent's thread, from the first value of its
 *       state encoded to its snapshot reported to the coordinator: the time the agent cannot process events;
 *   <li><b>max hook cpu</b>: the most CPU time any agent's thread spent in its hook (the encoding's own cost; the
 *       rest of the hook is waiting for a core or for the garbage collector);
 *   <li><b>gc ms</b>: the JVM's garbage collection time during the checkpoint;
 *   <li><b>max gap</b>: the longest gap of any agent between the events it processed on either side of its
 *       snapshot, which adds the source's pace and scheduling to the hook;
 *   <li><b>baseline gap</b>: the longest gap of any agent between consecutive events in the {@code settle-ms}
 *       before the checkpoint, with no checkpoint running: what scheduling and pace alone give.
 * </ul>
 * The first {@code warmup} checkpoints are reported but left out of the summary.
 *
 * <p>Run, from the repository root, after building {@code sabot-benchmarks/target/benchmarks.jar}:
 * <pre>
 * java -Xmx2g -cp sabot-benchmarks/target/benchmarks.jar io.sabot.benchmarks.runtime.CheckpointCostBenchmark \
 *     --dir=sabot-benchmarks/target/checkpoint-cost
 * </pre>
 * Options (each {@code --name=value}): {@code agents} (100), {@code state-kib} per agent (1024), {@code entry-kib}
 * (16), {@code rate} events per second over all agents (20000), {@code warmup} (2), {@code checkpoints} (5),
 * {@code settle-ms} (2000), {@code fsync} (true), {@code dir} (target/checkpoint-cost; emptied first and removed at
 * the end unless {@code keep=true}).
 */
public final class CheckpointCostBenchmark {

    private static final String THREADS = "bench-ckpt-";
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final Map<String, String> options;
    private final PrintStream out;

    private CheckpointCostBenchmark(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the benchmark and prints its report.
     *
     * @param args options, each {@code --name=value}
     * @throws Exception if the pipeline or a checkpoint fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("agents", "100");
        options.put("state-kib", "1024");
        options.put("entry-kib", "16");
        options.put("rate", "20000");
        options.put("warmup", "2");
        options.put("checkpoints", "5");
        options.put("settle-ms", "2000");
        options.put("fsync", "true");
        options.put("dir", "target/checkpoint-cost");
        options.put("keep", "false");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "'; options are " + options.keySet()
                        + ", each given as --name=value");
            }
            options.put(name, arg.substring(eq + 1));
        }
        new CheckpointCostBenchmark(options, System.out).run();
    }

    private int intOption(String name) {
        try {
            int value = Integer.parseInt(options.get(name));
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number of 0 or more, got '"
                    + options.get(name) + "'", e);
        }
    }

    private void run() throws Exception {
        int agents = intOption("agents");
        int stateBytes = intOption("state-kib") * 1024;
        int entryBytes = intOption("entry-kib") * 1024;
        double rate = Double.parseDouble(options.get("rate"));
        int warmup = intOption("warmup");
        int checkpoints = intOption("checkpoints");
        long settleMillis = intOption("settle-ms");
        Path dir = Path.of(options.get("dir")).toAbsolutePath();
        out.printf(Locale.ROOT, "checkpoint cost: %s%n", options);
        out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());

        deleteTree(dir);
        FsSavepointStore store = FsSavepointStore.builder(dir).createDirectory(true)
                .fsync(Boolean.parseBoolean(options.get("fsync"))).build();
        Map<String, PauseRecorder> recorders = new LinkedHashMap<>();
        AppModel model = AppModel.of(new StateHoldingApp(agents, stateBytes, entryBytes, rate, recorders),
                AppSettings.of(Map.of()));
        CheckpointCoordinator coordinator = CheckpointCoordinator.builder(model.appId(), store).timeout(WAIT).build();
        TaskThreads threads = new TaskThreads(THREADS);
        try {
            coordinator.initialize();
            TaskServices services = TaskServices.defaults().withMetrics(DropwizardMetrics.create())
                    .withCheckpoints(new RecordingAcks(coordinator, recorders), coordinator.recoveryState());
            TaskGraph graph = TaskGraph.create(model, services);
            coordinator.register(graph.sources(), graph.agents());
            for (ChildSpec spec : graph.childSpecs(AppModel.DEFAULT_GROUP)) {
                threads.start(spec.id(), spec.factory().create(List.of()));
            }
            long buildStart = System.nanoTime();
            awaitCondition("every agent built its state", () -> recorders.values().stream()
                    .allMatch(PauseRecorder::isReady));
            out.printf(Locale.ROOT, "%d agents built %d MiB of state in %d ms%n", agents,
                    (long) agents * stateBytes >> 20, millis(System.nanoTime() - buildStart));
            measure(coordinator, recorders, warmup, checkpoints, settleMillis);
        } finally {
            threads.stopAll();
            coordinator.close();
            if (!Boolean.parseBoolean(options.get("keep"))) {
                deleteTree(dir);
            }
        }
        TaskThreads.requireNoneAlive(THREADS);
        out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    private void measure(CheckpointCoordinator coordinator, Map<String, PauseRecorder> recorders, int warmup,
                         int checkpoints, long settleMillis) throws Exception {
        out.println("checkpoint  MiB     duration ms  max hook ms (agent)       max hook cpu ms  gc ms  "
                + "max gap ms  baseline gap ms");
        List<long[]> measured = new ArrayList<>();
        for (int i = 0; i < warmup + checkpoints; i++) {
            recorders.values().forEach(PauseRecorder::takeBaselineGap);
            Thread.sleep(settleMillis);
            long baseline = recorders.values().stream().mapToLong(PauseRecorder::takeBaselineGap).max().orElse(0);
            long gcStart = gcMillis();
            long start = System.nanoTime();
            SnapshotMetadata m = coordinator.trigger().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long duration = System.nanoTime() - start;
            long id = m.checkpointId();
            awaitCondition("every agent processed an event after checkpoint " + id, () -> recorders.values()
                    .stream().allMatch(r -> r.spanningCheckpoint() >= id));
            String slowest = recorders.entrySet().stream()
                    .max(Comparator.comparingLong(e -> e.getValue().hookNanos())).orElseThrow().getKey();
            long hook = recorders.get(slowest).hookNanos();
            long hookCpu = recorders.values().stream().mapToLong(PauseRecorder::hookCpuNanos).max().orElse(0);
            long gc = gcMillis() - gcStart;
            long gap = recorders.values().stream().mapToLong(PauseRecorder::spanningGapNanos).max().orElse(0);
            out.printf(Locale.ROOT, "%-10s  %-6.1f  %11.1f  %11.2f (%s)  %15.2f  %5d  %10.1f  %15.1f%s%n",
                    "chk-" + id, m.totalBytes() / 1048576.0, ms(duration), ms(hook), slowest, ms(hookCpu), gc,
                    ms(gap), ms(baseline),
                    i < warmup ? "  (warm-up)" : "");
            if (i >= warmup) {
                measured.add(new long[] {duration, hook, gap, baseline, hookCpu, gc});
            }
        }
        if (measured.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "summary over %d checkpoints: duration min %.1f / mean %.1f / max %.1f ms; "
                        + "longest snapshot hook %.2f ms (most CPU in a hook %.2f ms; most GC in a checkpoint %d ms); "
                        + "longest gap around a snapshot %.1f ms; longest gap without a checkpoint %.1f ms%n",
                measured.size(),
                ms(measured.stream().mapToLong(r -> r[0]).min().orElse(0)),
                measured.stream().mapToLong(r -> r[0]).average().orElse(0) / 1e6,
                ms(measured.stream().mapToLong(r -> r[0]).max().orElse(0)),
                ms(measured.stream().mapToLong(r -> r[1]).max().orElse(0)),
                ms(measured.stream().mapToLong(r -> r[4]).max().orElse(0)),
                measured.stream().mapToLong(r -> r[5]).max().orElse(0),
                ms(measured.stream().mapToLong(r -> r[2]).max().orElse(0)),
                ms(measured.stream().mapToLong(r -> r[3]).max().orElse(0)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void awaitCondition(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT + " waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
