package io.sabot.benchmarks.supervision;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.SupervisionStrategy;
import io.sabot.supervision.OneForAllStrategy;
import io.sabot.supervision.OneForOneStrategy;
import io.sabot.supervision.Supervisor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Restart latency: the time from a child's failure to its replacement running, measured by the benchmark thread that
 * makes the child fail and then waits until the replacement's body signals that it runs.
 *
 * <ul>
 *   <li>{@code restart} with {@code children=1}, {@code strategy=one_for_one}: one child fails and is restarted.</li>
 *   <li>{@code restart} with {@code children=100}, {@code strategy=one_for_all}: child 0 fails; the other 99 are
 *       terminated in reverse order and all 100 are started again; the sample ends when all 100 run.</li>
 *   <li>{@code baselineNewThreadHandoff}: the bare cost of starting a new platform thread and handing off to it
 *       (start it, wait until it signals it runs), measured in the same run.</li>
 * </ul>
 *
 * <p>Run: see docs/performance.md, or
 * {@code java -cp <classpath> org.openjdk.jmh.Main RestartLatencyBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RestartLatencyBenchmark {

    /** The group's shape: children count and strategy. */
    @Param({"1:one_for_one", "100:one_for_all"})
    public String shape;

    private int children;
    private Supervisor supervisor;
    private final Semaphore running = new Semaphore(0);
    private AtomicReferenceArray<CountDownLatch> crashSwitches;

    /** A child that signals it runs, then waits to be told to crash or to stop. */
    private Child child(int index) {
        CountDownLatch crash = new CountDownLatch(1);
        crashSwitches.set(index, crash);
        boolean[] stopRequested = new boolean[1];
        return new Child() {
            @Override
            public void run() throws Exception {
                running.release();
                crash.await();
                if (!stopRequested[0]) {
                    throw new IllegalStateException("benchmark failure");
                }
            }

            @Override
            public void requestStop() {
                stopRequested[0] = true;
                crash.countDown();
            }
        };
    }

    /** Starts the supervisor and waits until every child runs. */
    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        String[] parts = shape.split(":");
        children = Integer.parseInt(parts[0]);
        SupervisionStrategy strategy = parts[1].equals("one_for_all") ? new OneForAllStrategy()
                : new OneForOneStrategy();
        crashSwitches = new AtomicReferenceArray<>(children);
        Supervisor.Builder builder = Supervisor.builder("bench").strategy(strategy)
                .intensity(RestartIntensity.of(Integer.MAX_VALUE, Duration.ofMillis(1)));
        for (int i = 0; i < children; i++) {
            int index = i;
            builder.child(ChildSpec.worker("c" + i, args -> child(index)).build());
        }
        supervisor = builder.build();
        supervisor.start();
        running.acquire(children);
    }

    /** Stops the supervisor. */
    @TearDown(Level.Trial)
    public void tearDown() {
        supervisor.stop();
    }

    /**
     * Makes child 0 fail and waits until the replacements run.
     *
     * @throws InterruptedException never in practice
     */
    @Benchmark
    public void restart() throws InterruptedException {
        crashSwitches.get(0).countDown();
        running.acquire(children);
    }

    /**
     * Starts a new platform thread and waits until it runs: the baseline a restart on a fresh thread would pay.
     *
     * @throws InterruptedException never in practice
     */
    @Benchmark
    public void baselineNewThreadHandoff() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(started::countDown);
        t.start();
        started.await();
    }
}
