package io.sabot.api.resources;

import java.util.Collection;

/**
 * The runtime's list of the agents it runs, for the resource monitor.
 *
 * <p>Thread-safety: {@link #agents()} may be called from any thread and returns a snapshot.
 */
@FunctionalInterface
public interface MonitoredAgents {

    /** {@return the agents running now} */
    Collection<MonitoredAgent> agents();
}
