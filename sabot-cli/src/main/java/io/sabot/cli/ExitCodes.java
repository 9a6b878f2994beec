package io.sabot.cli;

/**
 * The exit codes of the {@code sabot} command. They are part of its contract: systemd units and Kubernetes
 * probes rely on them (see {@code docs/cli.md}).
 */
public final class ExitCodes {

    /** The command did what was asked; a worker stopped cleanly. */
    public static final int OK = 0;
    /** A runtime failure: a store could not be reached, a savepoint failed to verify, a worker crashed. */
    public static final int FAILURE = 1;
    /** The command line was wrong: an unknown option, a malformed value, a missing argument. */
    public static final int USAGE = 2;
    /**
     * The worker's root supervisor exceeded its restart intensity and gave up: the process exits so that its own
     * supervisor (systemd, Kubernetes) restarts it.
     */
    public static final int SUPERVISOR_GAVE_UP = 3;

    private ExitCodes() {
    }
}
