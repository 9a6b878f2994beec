package io.sabot.benchmarks.savepoint;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the savepoint store benchmarks ({@link FsSavepointCopyBenchmark}, {@link S3UploadBenchmark}, or those named
 * in the arguments); the arguments are JMH's, for example {@code FsSavepointCopyBenchmark -p checkpointMiB=1024}.
 *
 * <p>From the repository root:
 * <pre>
 * ./mvnw -B -q package dependency:build-classpath -pl sabot-benchmarks -am -DskipTests -Djacoco.skip=true \
 *     -Dmaven.javadoc.skip=true -Dmdep.outputFile=/tmp/sabot-bench.cp
 * java -cp sabot-benchmarks/target/classes:$(cat /tmp/sabot-bench.cp) \
 *     io.sabot.benchmarks.savepoint.SavepointBenchmarks
 * </pre>
 * Set {@code -Dsabot.bench.dir=/path} to choose the filesystem written to (default: the JVM's temp directory).
 */
public final class SavepointBenchmarks {

    private SavepointBenchmarks() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args JMH command-line options
     * @throws RunnerException            if a benchmark fails
     * @throws CommandLineOptionException if the options are malformed
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions options = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(options);
        if (options.getIncludes().isEmpty()) {
            builder.include(FsSavepointCopyBenchmark.class.getSimpleName());
            builder.include(S3UploadBenchmark.class.getSimpleName());
        }
        new Runner(builder.build()).run();
    }
}
