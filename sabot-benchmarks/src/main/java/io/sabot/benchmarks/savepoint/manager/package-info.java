/**
 * Benchmarks of the savepoint manager: a savepoint from a large checkpoint by hard links, by copying (against
 * {@code cp -r} in the same run), and {@code verify}'s read throughput. See {@link
 * io.sabot.benchmarks.savepoint.manager.SavepointManagerBenchmark}.
 */
package io.sabot.benchmarks.savepoint.manager;
