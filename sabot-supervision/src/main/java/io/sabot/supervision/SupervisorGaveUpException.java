package io.sabot.supervision;

import io.sabot.api.supervision.ExitReason;

/**
 * Thrown from a nested supervisor's body when the nested supervisor exceeded its restart intensity, so that its
 * parent sees the failure and applies its own strategy (escalation).
 */
public final class SupervisorGaveUpException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param supervisor the id of the supervisor that gave up
     * @param lastExit   the exit that exceeded its intensity
     */
    public SupervisorGaveUpException(String supervisor, ExitReason lastExit) {
        super("supervisor '" + supervisor + "' gave up after " + lastExit, lastExit.cause().orElse(null));
    }
}
