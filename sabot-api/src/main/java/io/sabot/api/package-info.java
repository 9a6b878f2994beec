/**
 * The contracts of Sabot: the agent model, the SPIs that plugin modules implement and the value types they exchange.
 *
 * <p>This module has no third-party runtime dependency. Every value type validates its input in its constructor or
 * factory and throws {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException} for a
 * missing argument) with a message that names the offending field. Value types are immutable and therefore safe to
 * share between threads; interfaces state their own thread-safety.
 *
 * <ul>
 *   <li>{@link io.sabot.api.agent} - apps, agents, channels and sources;</li>
 *   <li>{@link io.sabot.api.state} - per-agent state and its codecs;</li>
 *   <li>{@link io.sabot.api.supervision} - child specs, restart policies, intensity, strategies and events;</li>
 *   <li>{@link io.sabot.api.resources} - probes, usage readings, limits and the backpressure signal;</li>
 *   <li>{@link io.sabot.api.metrics} - the neutral metrics model, the standard catalogue and the exporter SPI;</li>
 *   <li>{@link io.sabot.api.savepoint} - the object-store SPI for checkpoints and savepoints, and their metadata;</li>
 *   <li>{@link io.sabot.api.plugin} - the marker that plugin modules are discovered by.</li>
 * </ul>
 */
package io.sabot.api;
