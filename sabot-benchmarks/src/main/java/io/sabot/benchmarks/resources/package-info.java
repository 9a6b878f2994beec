/**
 * JMH benchmarks of the resources module: one monitoring pass, one probe sample.
 */
package io.sabot.benchmarks.resources;
