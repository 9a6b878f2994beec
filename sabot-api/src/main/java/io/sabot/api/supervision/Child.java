package io.sabot.api.supervision;

/**
 * A started child: the body a supervisor runs on the child's own thread.
 *
 * <p>{@link #run()} returning is a normal exit; throwing is a failure. A child must end soon after
 * {@link #requestStop()} is called or after its thread is interrupted; one that does neither within its
 * {@link Shutdown} is reported as stuck.
 *
 * <p>Thread-safety: {@link #run()} is called once, on the child's thread; {@link #requestStop()} may be called from
 * any other thread, at any time, more than once, and must not block.
 */
@FunctionalInterface
public interface Child {

    /**
     * Runs the child until it is done or asked to stop.
     *
     * @throws Exception any failure; the supervisor treats it as an abnormal exit
     */
    void run() throws Exception;

    /**
     * Asks the child to stop at its next consistent point. The default does nothing, leaving the interrupt that
     * follows after the shutdown timeout as the only signal.
     */
    default void requestStop() {
    }
}
