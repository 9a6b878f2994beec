/**
 * JMH benchmarks of {@code sabot-metrics}: updating a labeled counter through a cached handle against a raw
 * Dropwizard counter, the lookup path by descriptor and label values, and rendering {@code /metrics}.
 */
package io.sabot.benchmarks.metrics;
