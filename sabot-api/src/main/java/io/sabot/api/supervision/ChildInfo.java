package io.sabot.api.supervision;

import java.util.Objects;
import java.util.Optional;

/**
 * What a supervisor reports of one child (OTP's {@code which_children} entry, with restart bookkeeping).
 *
 * <p>Immutable; a snapshot taken at the time of the call.
 *
 * @param id       the child's id
 * @param type     worker or supervisor
 * @param state    where the child is in its life
 * @param restarts how many times this child has been restarted since it was first started; zero or more
 * @param lastExit why it last exited; empty if it has never exited
 */
public record ChildInfo(String id, ChildType type, ChildState state, int restarts, Optional<ExitReason> lastExit) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param id the child's id
     * @param type worker or supervisor
     * @param state where the child is in its life
     * @param restarts how many times this child has been restarted since it was first started; zero or more
     * @param lastExit why it last exited; empty if it has never exited
     */
    public ChildInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastExit, "lastExit");
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be zero or more, got " + restarts);
        }
    }
}
