package io.sabot.cli;

/**
 * A failure the command reports as one line and an exit code, without a stack trace (unless {@code -l DEBUG}).
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * Creates the exception.
     *
     * @param exitCode the process exit code, one of {@link ExitCodes}
     * @param message  one clear line: what went wrong and what to do
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * Creates the exception with a cause, shown only with {@code -l DEBUG}.
     *
     * @param exitCode the process exit code
     * @param message  one clear line
     * @param cause    the underlying failure
     */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** {@return the process exit code} */
    public int exitCode() {
        return exitCode;
    }
}
