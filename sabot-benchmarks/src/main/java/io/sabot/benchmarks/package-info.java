/**
 * JMH benchmarks of Sabot.
 */
package io.sabot.benchmarks;
