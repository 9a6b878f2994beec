package io.sabot.api.resources;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the runtime shows the resource monitor of one running agent, and the levers the monitor may pull. This is
 * how the resources module sees agents without depending on the runtime.
 *
 * <p>Thread-safety: every method may be called from the monitor's thread while the agent runs; implementations
 * read volatile or atomic fields and never block.
 */
public interface MonitoredAgent {

    /** {@return the agent's id} */
    String id();

    /** {@return the thread currently running the agent; empty while it is not running (restarting, stopped)} */
    Optional<Thread> thread();

    /** {@return the encoded size of the agent's state at its last snapshot, in bytes; empty if not known yet} */
    OptionalLong stateBytes();

    /** {@return events waiting in the agent's input channels} */
    long inputDepth();

    /** {@return the total capacity of the agent's input channels} */
    long inputCapacity();

    /**
     * {@return the total time the agent has spent blocked on a full output channel since it was created, in
     * nanoseconds; never decreasing}
     */
    long backpressuredNanos();

    /**
     * Slows the agent so its CPU use holds at most {@code maxCpuRatio} of one core: after each event the runtime
     * pauses in proportion to the time the event took. A ratio of 1 or more removes the throttle.
     *
     * @param maxCpuRatio the share of one core the agent may use, above 0
     */
    void throttle(double maxCpuRatio);

    /**
     * Makes the agent fail at its next step, so that its supervisor restarts it (or not) under its restart policy.
     *
     * @param reason why, for the exit reason and the logs
     */
    void requestRestart(String reason);

    /**
     * Stops the agent for good: it exits normally at its next step and is not restarted.
     *
     * @param reason why, for the logs
     */
    void requestStop(String reason);
}
