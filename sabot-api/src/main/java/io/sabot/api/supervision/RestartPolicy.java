package io.sabot.api.supervision;

import java.util.Objects;

/**
 * When a child is restarted after it exits (OTP's {@code restart} child-spec field).
 */
public enum RestartPolicy {
    /** Always restarted, whatever the exit reason. The default for agents. */
    PERMANENT,
    /** Restarted only after an abnormal exit (a failure); a normal return or a shutdown ends it for good. */
    TRANSIENT,
    /** Never restarted; its spec is removed from the supervisor when it exits. */
    TEMPORARY;

    /**
     * Tells whether a child with this policy is restarted after exiting for {@code reason}.
     *
     * <p>A child that exits because its own supervisor terminated it ({@link ExitReason.Kind#SHUTDOWN}) is never
     * restarted by this rule: the supervisor is the one that decided it should stop.
     *
     * @param reason why the child exited
     * @return true if the child must be restarted
     */
    public boolean restartsAfter(ExitReason reason) {
        Objects.requireNonNull(reason, "reason");
        switch (this) {
            case PERMANENT:
                return reason.kind() != ExitReason.Kind.SHUTDOWN;
            case TRANSIENT:
                return reason.isAbnormal();
            default:
                return false;
        }
    }
}
