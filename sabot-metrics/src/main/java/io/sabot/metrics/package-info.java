/**
 * The metrics facade on Dropwizard Metrics, the Prometheus, Pushgateway and StatsD exporters and their Guice module.
 */
package io.sabot.metrics;
