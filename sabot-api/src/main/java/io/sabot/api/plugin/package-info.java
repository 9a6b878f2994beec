/**
 * How plugin modules are found and what they may add to a worker.
 *
 * <p>A plugin module ships a class that implements {@link io.sabot.api.plugin.SabotPlugin} and names it in
 * {@code META-INF/services/io.sabot.api.plugin.SabotPlugin}. The runtime finds every such class with
 * {@link java.util.ServiceLoader}, installs it, and logs what it installed.
 */
package io.sabot.api.plugin;
