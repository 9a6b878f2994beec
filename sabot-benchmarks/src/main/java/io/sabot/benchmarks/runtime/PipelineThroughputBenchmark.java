package io.sabot.benchmarks.runtime;

import io.sabot.api.metrics.Metrics;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.metrics.DropwizardMetrics;
import io.sabot.runtime.TaskGraph;
import io.sabot.runtime.agent.TaskServices;
import io.sabot.runtime.app.AppModel;
import io.sabot.runtime.app.AppSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of a 3-agent pipeline (source → map → running sum in value state → counting sink) through Sabot
 * channels, driven by the real runtime tasks, against the same pipeline on bare {@code ArrayBlockingQueue}s and
 * plain threads with the same capacities, in one run. The target is Sabot at 0.8× the bare pipeline or better.
 *
 * <p>Each invocation pushes {@link #EVENTS} events through a fresh pipeline: the Sabot variant builds the app's
 * {@link AppModel} and {@link TaskGraph} and runs each task's runner on its own thread (as the runtime's tests do,
 * until a supervisor runs them); the bare variant starts four threads on three queues. Both wait until every thread
 * has ended, which happens only after the sink received the end of stream, and then check that the sink saw every
 * event and the exact final sum. So an invocation covers building, starting, draining and tearing down the
 * pipeline; that fixed cost (well under a millisecond) is small against the events' time. After each iteration the
 * benchmark fails if any thread of a pipeline is still alive.
 *
 * <p>The score is <b>events per second</b> (one JMH operation is one event, through
 * {@link OperationsPerInvocation}). Sabot runs with the metrics the worker uses ({@link DropwizardMetrics}, one
 * registry per run); {@code -p metrics=noop} measures it without metrics (the bare variant ignores this parameter, so with
 * both values it simply runs twice). Channel capacity is a parameter
 * ({@code -p capacity=...}, default the runtime's default 1024).
 *
 * <p>Run: {@code java -jar sabot-benchmarks/target/benchmarks.jar PipelineThroughputBenchmark -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PipelineThroughputBenchmark.EVENTS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PipelineThroughputBenchmark {

    /** Events pushed through the pipeline per invocation. */
    public static final int EVENTS = 1_000_000;

    /** How long one pipeline run may take before it is stopped and the benchmark fails, in milliseconds. */
    private static final long RUN_TIMEOUT_MILLIS = 120_000;
    private static final String SABOT_THREADS = "bench-sabot-";
    private static final String BARE_THREADS = "bench-bare-";

    /** Capacity of every channel and queue. */
    @Param("1024")
    public int capacity;

    /** The metrics the Sabot tasks record into: {@code dropwizard} (as in a worker) or {@code noop}. */
    @Param("dropwizard")
    public String metrics;

    private TaskServices services;

    /** Creates what every Sabot run shares (the JSON mapper of state, the clocks). */
    @Setup(Level.Trial)
    public void createServices() {
        if (!metrics.equals("dropwizard") && !metrics.equals("noop")) {
            throw new IllegalArgumentException("metrics must be 'dropwizard' or 'noop', got '" + metrics + "'");
        }
        services = TaskServices.defaults();
    }

    /** Fails if a pipeline thread of this iteration is still alive. */
    @TearDown(Level.Iteration)
    public void requireNoThreadsLeft() {
        TaskThreads.requireNoneAlive(SABOT_THREADS);
        TaskThreads.requireNoneAlive(BARE_THREADS);
    }

    /**
     * The pipeline through Sabot channels and runtime tasks.
     *
     * @return what the sink saw
     * @throws Exception if a task failed, the run timed out or the sink missed events
     */
    @Benchmark
    public PipelineResult sabotChannels() throws Exception {
        PipelineResult result = new PipelineResult();
        Metrics registry = metrics.equals("noop") ? Metrics.noop() : DropwizardMetrics.create();
        AppModel model = AppModel.of(new PipelineApp(EVENTS, capacity, result), AppSettings.of(Map.of()));
        TaskGraph graph = TaskGraph.create(model, services.withMetrics(registry));
        TaskThreads threads = new TaskThreads(SABOT_THREADS);
        for (ChildSpec spec : graph.childSpecs(AppModel.DEFAULT_GROUP)) {
            threads.start(spec.id(), spec.factory().create(List.of()));
        }
        threads.joinAll(RUN_TIMEOUT_MILLIS);
        result.requireComplete(EVENTS, "Sabot");
        return result;
    }

    /**
     * The same pipeline on bare {@code ArrayBlockingQueue}s and plain threads.
     *
     * @return what the sink saw
     * @throws Exception if a stage failed, the run timed out or the sink missed events
     */
    @Benchmark
    public PipelineResult bareBlockingQueues() throws Exception {
        PipelineResult result = new PipelineResult();
        TaskThreads threads = new TaskThreads(BARE_THREADS);
        new BarePipeline(EVENTS, capacity, result).start(threads);
        threads.joinAll(RUN_TIMEOUT_MILLIS);
        result.requireComplete(EVENTS, "bare");
        return result;
    }
}
