package io.sabot.api.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a supervisor did or saw. Metrics and logs subscribe to these through a {@link SupervisionListener}.
 *
 * <p>Every event names the supervisor ({@link #supervisor()}, its id) and carries the time it happened, read from
 * the supervisor's clock. Events about a child also name it. Immutable.
 */
public sealed interface SupervisionEvent {

    /** {@return the id of the supervisor that emitted the event} */
    String supervisor();

    /** {@return when it happened, by the supervisor's clock} */
    Instant at();

    /**
     * A child's thread started running its body.
     *
     * @param supervisor the supervisor's id
     * @param child      the child's id
     * @param at         when
     */
    record ChildStarted(String supervisor, String child, Instant at) implements SupervisionEvent {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param supervisor the supervisor's id
         * @param child the child's id
         * @param at when
         */
        public ChildStarted {
            requireAll(supervisor, child, at);
        }
    }

    /**
     * A child exited.
     *
     * @param supervisor the supervisor's id
     * @param child      the child's id
     * @param reason     why it exited
     * @param at         when
     */
    record ChildExited(String supervisor, String child, ExitReason reason, Instant at) implements SupervisionEvent {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param supervisor the supervisor's id
         * @param child the child's id
         * @param reason why it exited
         * @param at when
         */
        public ChildExited {
            requireAll(supervisor, child, reason, at);
        }
    }

    /**
     * A child was restarted and is running again.
     *
     * @param supervisor the supervisor's id
     * @param child      the child's id
     * @param strategy   the name of the strategy that chose to restart it
     * @param restarts   the child's restart count, this one included
     * @param latency    from the exit that caused the restart to the replacement running
     * @param at         when
     */
    record ChildRestarted(String supervisor, String child, String strategy, int restarts, Duration latency, Instant at)
            implements SupervisionEvent {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param supervisor the supervisor's id
         * @param child the child's id
         * @param strategy the name of the strategy that chose to restart it
         * @param restarts the child's restart count, this one included
         * @param latency from the exit that caused the restart to the replacement running
         * @param at when
         */
        public ChildRestarted {
            requireAll(supervisor, child, strategy, latency, at);
        }
    }

    /**
     * Starting a child during a restart failed; the start will be retried, and the failure counts toward the
     * restart intensity.
     *
     * @param supervisor the supervisor's id
     * @param child      the child's id
     * @param reason     the start failure
     * @param at         when
     */
    record ChildRestartFailed(String supervisor, String child, ExitReason reason, Instant at)
            implements SupervisionEvent {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param supervisor the supervisor's id
         * @param child the child's id
         * @param reason the start failure
         * @param at when
         */
        public ChildRestartFailed {
            requireAll(supervisor, child, reason, at);
        }
    }

    /**
     * A child ignored its shutdown request and the interrupt that followed; its thread is abandoned.
     *
     * @param supervisor the supervisor's id
     * @param child      the child's id
     * @param waited     how long the supervisor waited in all
     * @param at         when
     */
    record ChildStuck(String supervisor, String child, Duration waited, Instant at) implements SupervisionEvent {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param supervisor the supervisor's id
         * @param child the child's id
         * @param waited how long the supervisor waited in all
         * @param at when
         */
        public ChildStuck {
            requireAll(supervisor, child, waited, at);
        }
    }

    /**
     * The supervisor exceeded its restart intensity, terminated its children and failed. If it has a parent, the
     * parent now handles the failure (escalation); if it is the root, the worker exits.
     *
     * @param supervisor the supervisor's id
     * @param intensity  the intensity that was exceeded
     * @param lastExit   the exit that crossed the limit
     * @param root       true if the supervisor has no parent: nobody is left to escalate to
     * @param at         when
     */
    record SupervisorGaveUp(String supervisor, RestartIntensity intensity, ExitReason lastExit, boolean root,
                            Instant at) implements SupervisionEvent {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param supervisor the supervisor's id
         * @param intensity the intensity that was exceeded
         * @param lastExit the exit that crossed the limit
         * @param root true if the supervisor has no parent: nobody is left to escalate to
         * @param at when
         */
        public SupervisorGaveUp {
            requireAll(supervisor, intensity, lastExit, at);
        }
    }

    /**
     * A child supervisor's failure reached this supervisor, which applies its own strategy to it.
     *
     * @param supervisor the parent supervisor's id
     * @param child      the id of the child supervisor that gave up
     * @param at         when
     */
    record SupervisorEscalated(String supervisor, String child, Instant at) implements SupervisionEvent {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param supervisor the parent supervisor's id
         * @param child the id of the child supervisor that gave up
         * @param at when
         */
        public SupervisorEscalated {
            requireAll(supervisor, child, at);
        }
    }

    private static void requireAll(Object... values) {
        for (Object v : values) {
            Objects.requireNonNull(v, "supervision event fields must not be null");
        }
    }
}
