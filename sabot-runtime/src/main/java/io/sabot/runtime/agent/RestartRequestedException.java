package io.sabot.runtime.agent;

/**
 * Thrown at an agent's next step after {@link io.sabot.api.resources.MonitoredAgent#requestRestart(String)}, so the
 * agent fails and its supervisor restarts it under its restart policy.
 */
public final class RestartRequestedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param task   the agent or source
     * @param reason why the restart was requested
     */
    public RestartRequestedException(String task, String reason) {
        super("'" + task + "' was asked to restart: " + reason);
    }
}
