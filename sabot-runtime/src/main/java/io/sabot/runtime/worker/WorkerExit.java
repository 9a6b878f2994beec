package io.sabot.runtime.worker;

/** How a worker ended. The CLI maps each to its exit code. */
public enum WorkerExit {
    /** Stopped on request (SIGTERM, the admin stop, {@link Worker#stop}) or because every agent finished. */
    STOPPED,
    /** A failure outside supervision: a store, the HTTP listener, an unexpected error. */
    FAILED,
    /** The root supervisor exceeded its restart intensity and gave up. */
    SUPERVISOR_GAVE_UP
}
