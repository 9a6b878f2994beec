package io.sabot.benchmarks.supervision;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.supervision.ChildThreads;
import io.sabot.supervision.SimpleOneForOneStrategy;
import io.sabot.supervision.Supervisor;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *
 * <p>The baseline, {@link #bareThreads()}, starts the same number of bare threads of the same kind doing the same
 * thing, in the same run: what the JVM itself charges for the threads. Between invocations the benchmark waits until
 * every thread of the previous one has exited, so no invocation pays for the last one's thread exits.
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
    private CountDownLatch release;
    private ExecutorService bare;
    private int threadsBefore;

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

    /** Starts an empty dynamic-children supervisor, and the baseline's thread-per-task executor. */
    @Setup(Level.Invocation)
    public void setUp() throws ReflectiveOperationException {
        threadsBefore = Thread.activeCount();
        running = new CountDownLatch(count);
        release = new CountDownLatch(1);
        CountDownLatch latch = running;
        supervisor = Supervisor.builder("pool").strategy(new SimpleOneForOneStrategy()).threads(threads)
                .template(ChildSpec.worker("idle", args -> idle(latch)).build()).build();
        supervisor.start();
        bare = threads == ChildThreads.VIRTUAL && ChildThreads.virtualThreadsAvailable()
                ? (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null)
                : Executors.newCachedThreadPool();
    }

    /**
     * Stops the supervisor and its children, ends the baseline's threads, and waits until all of them have exited.
     *
     * @throws InterruptedException never in practice
     */
    @TearDown(Level.Invocation)
    public void tearDown() throws InterruptedException {
        supervisor.stop();
        release.countDown();
        bare.shutdown();
        if (!bare.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the baseline's threads did not end");
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (Thread.activeCount() > threadsBefore + 1) { // platform threads only; virtual ones end with their run
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(Thread.activeCount() + " threads still alive after stop");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Baseline: starts as many bare threads (of the same kind), each counting down a latch and waiting to be
     * released, and waits until every one runs.
     *
     * @throws InterruptedException never in practice
     */
    @Benchmark
    public void bareThreads() throws InterruptedException {
        CountDownLatch latch = running;
        CountDownLatch stop = release;
        for (int i = 0; i < count; i++) {
            bare.execute(() -> {
                latch.countDown();
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        latch.await();
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
