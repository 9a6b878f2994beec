package io.sabot.api.supervision;

/** Whether a child is a worker or a nested supervisor (OTP's {@code type} child-spec field). */
public enum ChildType {
    /** A worker: an agent or any other task. */
    WORKER,
    /** A supervisor: its failure is the escalation of its own children's failures. */
    SUPERVISOR
}
