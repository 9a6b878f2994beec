/**
 * Benchmarks of the runtime engine: the throughput of a 3-agent pipeline through Sabot channels against the same
 * pipeline on bare {@link java.util.concurrent.ArrayBlockingQueue}s ({@link
 * io.sabot.benchmarks.runtime.PipelineThroughputBenchmark}), and the cost of a checkpoint of 100 agents holding
 * 100 MB of state ({@link io.sabot.benchmarks.runtime.CheckpointCostBenchmark}).
 */
package io.sabot.benchmarks.runtime;
