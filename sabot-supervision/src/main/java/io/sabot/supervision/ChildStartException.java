package io.sabot.supervision;

/**
 * A child could not be started: its factory threw or returned null. Thrown by {@link Supervisor#start()} (the
 * supervisor then has stopped the children it had started), {@link Supervisor#startChild} and
 * {@link Supervisor#restartChild(String)}.
 */
public final class ChildStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param supervisor the supervisor's id
     * @param child      the child's id
     * @param cause      what the factory threw
     */
    public ChildStartException(String supervisor, String child, Throwable cause) {
        super("child '" + child + "' of supervisor '" + supervisor + "' failed to start: " + cause, cause);
    }
}
