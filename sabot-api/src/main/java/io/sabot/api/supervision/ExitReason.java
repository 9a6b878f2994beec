package io.sabot.api.supervision;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a child exited.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class ExitReason {

    /** The kinds of exit. */
    public enum Kind {
        /** The child's body returned. */
        NORMAL,
        /** The child's supervisor terminated it (shutdown, restart of a sibling group, delete). */
        SHUTDOWN,
        /** The child's body threw, or its start failed. */
        FAILURE,
        /** The child did not stop within its shutdown timeout, nor after it was interrupted. */
        STUCK
    }

    private static final ExitReason NORMAL = new ExitReason(Kind.NORMAL, null, "normal");
    private static final ExitReason SHUTDOWN = new ExitReason(Kind.SHUTDOWN, null, "shutdown");

    private final Kind kind;
    private final Throwable cause;
    private final String description;

    private ExitReason(Kind kind, Throwable cause, String description) {
        this.kind = kind;
        this.cause = cause;
        this.description = description;
    }

    /** {@return the reason of a child whose body returned} */
    public static ExitReason normal() {
        return NORMAL;
    }

    /** {@return the reason of a child terminated by its supervisor} */
    public static ExitReason shutdown() {
        return SHUTDOWN;
    }

    /**
     * The reason of a child that failed.
     *
     * @param cause what the child threw
     * @return a failure reason carrying {@code cause}
     */
    public static ExitReason failure(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        return new ExitReason(Kind.FAILURE, cause, describe(cause));
    }

    /**
     * The reason of a child that ignored both its shutdown request and the interrupt that followed.
     *
     * @param detail what was waited for, for example {@code "did not stop within 5s of an interrupt"}
     * @return a stuck reason
     */
    public static ExitReason stuck(String detail) {
        Objects.requireNonNull(detail, "detail");
        return new ExitReason(Kind.STUCK, null, "stuck: " + detail);
    }

    /** {@return the kind of exit} */
    public Kind kind() {
        return kind;
    }

    /** {@return the throwable of a {@link Kind#FAILURE}, empty for every other kind} */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    /** {@return true for a failure or a stuck child: the exits that a {@link RestartPolicy#TRANSIENT} child restarts after} */
    public boolean isAbnormal() {
        return kind == Kind.FAILURE || kind == Kind.STUCK;
    }

    /** {@return a one-line description, for example {@code "failure: IllegalStateException: boom"}} */
    public String description() {
        return description;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return "failure: " + cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExitReason)) {
            return false;
        }
        ExitReason other = (ExitReason) o;
        return kind == other.kind && Objects.equals(cause, other.cause) && description.equals(other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, cause, description);
    }

    @Override
    public String toString() {
        return description;
    }
}
