package io.sabot.resources;

/**
 * What the monitor does when a worker limit with {@link io.sabot.api.resources.LimitAction#STOP} is exceeded. The
 * runtime supplies one that shuts the worker down; without it the monitor asks every agent to stop.
 *
 * <p>Thread-safety: called from the monitor's thread; must not block for long.
 */
@FunctionalInterface
public interface WorkerStopHandler {

    /**
     * Stops the worker.
     *
     * @param reason which limit was exceeded and by how much, for the logs
     */
    void stopWorker(String reason);
}
