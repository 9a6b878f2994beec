package io.sabot.api.supervision;

/** Where a child is in its life, as reported by a supervisor's {@code whichChildren}. */
public enum ChildState {
    /** Its factory is creating it, or its thread is being started. */
    STARTING,
    /** Its body is running. */
    RUNNING,
    /** It exited and is waiting to be started again (by a restart, or a backoff delay). */
    RESTARTING,
    /** It is not running, and will not run until started explicitly (terminated, or exited without restart). */
    TERMINATED,
    /** It ignored its shutdown request and the interrupt; its thread was abandoned. */
    STUCK
}
