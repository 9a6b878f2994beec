/**
 * Running sources and agents: {@link io.sabot.runtime.agent.SourceTask} and
 * {@link io.sabot.runtime.agent.AgentTask} create a supervisor {@link io.sabot.api.supervision.Child} per (re)start,
 * run the per-step hook, take checkpoint snapshots at consistent points and show themselves to the resource monitor
 * as {@link io.sabot.api.resources.MonitoredAgent}s.
 */
package io.sabot.runtime.agent;
