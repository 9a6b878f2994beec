/**
 * Resource monitoring contracts: {@link io.sabot.api.resources.ResourceProbe}s produce
 * {@link io.sabot.api.resources.ResourceSample}s of {@link io.sabot.api.resources.Reading}s; the runtime exposes its
 * agents to the monitor as {@link io.sabot.api.resources.MonitoredAgent}s; {@link io.sabot.api.resources.ResourceLimit}s
 * say what to do when a figure crosses a threshold; {@link io.sabot.api.resources.BackpressureThresholds} turn
 * resource and flow ratios into a {@link io.sabot.api.resources.BackpressureLevel}.
 *
 * <p>Units are base units throughout: bytes, seconds (or nanoseconds where a field says so), and ratios from 0 to
 * 1 (a CPU ratio of 1 is one full core).
 */
package io.sabot.api.resources;
