/**
 * Test fixtures for code that records metrics: {@link io.sabot.tck.metrics.RecordingMetrics}, an in-memory
 * {@link io.sabot.api.metrics.Metrics} facade that a test reads back.
 */
package io.sabot.tck.metrics;
