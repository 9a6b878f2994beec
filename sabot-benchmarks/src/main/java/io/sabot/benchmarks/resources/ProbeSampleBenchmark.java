package io.sabot.benchmarks.resources;

import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import io.sabot.resources.StandardProbes;
import java.time.Clock;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one sample of each standard probe (process, system, jvm, container).
 *
 * <p>Run: {@code java -cp <classpath> org.openjdk.jmh.Main ProbeSampleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProbeSampleBenchmark {

    /** The probe's name. */
    @Param({"process", "system", "jvm", "container"})
    public String probe;

    private ResourceProbe selected;

    /** Creates the benchmark state. */
    public ProbeSampleBenchmark() {
    }

    /** Picks the probe. */
    @Setup(Level.Trial)
    public void setUp() {
        selected = StandardProbes.create(Clock.systemUTC()).stream().filter(p -> p.name().equals(probe))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no standard probe named " + probe));
    }

    /**
     * One sample.
     *
     * @return the sample
     */
    @Benchmark
    public ResourceSample sample() {
        return selected.sample();
    }
}
