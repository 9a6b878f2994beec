/**
 * Resource monitoring for Sabot workers: probes of the process, system, JVM and container
 * ({@link io.sabot.resources.ProcessProbe}, {@link io.sabot.resources.SystemProbe}, {@link io.sabot.resources.JvmProbe},
 * {@link io.sabot.resources.ContainerProbe}), per-agent accounting on each agent's own thread
 * ({@link io.sabot.resources.AgentAccounting}), limits and their actions ({@link io.sabot.resources.ResourceLimits}),
 * the backpressure signal ({@link io.sabot.resources.AgentBackpressure}), and the monitor that runs them every interval
 * ({@link io.sabot.resources.DefaultResourceMonitor}, configured by {@link io.sabot.resources.ResourcesConfig} and
 * wired by {@link io.sabot.resources.ResourcesModule}). The configuration guide is {@code docs/resources.md}.
 */
package io.sabot.resources;
