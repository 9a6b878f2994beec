package io.sabot.benchmarks.supervision;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.supervision.ChildThreads;
import io.sabot.supervision.SimpleOneForOneStrategy;
import io.sabot.supervision.Supervisor;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * Time to start {@code count} dynamic children (simple_one_for_one) from another thread, one {@code startChild}
 * call each, until every child's body runs. Each child then idles until the supervisor stops it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class DynamicChildrenStartBenchmark {

    /** How many children to start. */
    @Param("10000")
    public int count;

    /** The kind of child threads; VIRTUAL falls back to platform threads before Java 21. */
    @Param({"PLATFORM", "VIRTUAL"})
    public ChildThreads threads;

    private Supervisor supervisor;
    private CountDownLatch running;

    /** A child that idles until asked to stop. */
    static Child idle(CountDownLatch running) {
        CountDownLatch stop = new CountDownLatch(1);
        return new Child() {
            @Override
            public void run() throws InterruptedException {
                running.countDown();
                stop.await();
            }

            @Override
            public void requestStop() {
                stop.countDown();
            }
        };
    }

    /** Starts an empty dynamic-children supervisor. */
    @Setup(Level.Invocation)
    public void setUp() {
        running = new CountDownLatch(count);
        CountDownLatch latch = running;
        supervisor = Supervisor.builder("pool").strategy(new SimpleOneForOneStrategy()).threads(threads)
                .template(ChildSpec.worker("idle", args -> idle(latch)).build()).build();
        supervisor.start();
    }

    /** Stops the supervisor and its children. */
    @TearDown(Level.Invocation)
    public void tearDown() {
        supervisor.stop();
    }

    /**
     * Starts all the children and waits until every one runs.
     *
     * @throws InterruptedException never in practice
     */
    @Benchmark
    public void startChildren() throws InterruptedException {
        for (int i = 0; i < count; i++) {
            supervisor.startChild(List.of());
        }
        running.await();
    }
}
