package io.sabot.supervision;

import io.sabot.api.supervision.ExitReason;
import java.util.Objects;

/**
 * How a supervisor ended.
 *
 * @param kind   stopped on request, gave up, or failed to start
 * @param reason {@link ExitReason#shutdown()} when stopped; the exit that exceeded the intensity when it gave up; the
 *               start failure when it failed to start
 */
public record SupervisorOutcome(Kind kind, ExitReason reason) {

    /** The ways a supervisor ends. */
    public enum Kind {
        /** It was stopped (by {@link Supervisor#stop()} or its parent) and terminated its children. */
        STOPPED,
        /** Its restart intensity was exceeded: it terminated its children and failed. */
        GAVE_UP,
        /** A child failed to start while the supervisor was starting; the children started before it were stopped. */
        FAILED_TO_START
    }

    /**
     * Creates the record.
     *
     * @param kind   how it ended
     * @param reason why
     */
    public SupervisorOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return true unless the supervisor was stopped on request} */
    public boolean failed() {
        return kind != Kind.STOPPED;
    }
}
