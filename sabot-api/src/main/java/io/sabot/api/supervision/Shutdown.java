package io.sabot.api.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * How a supervisor stops a child (OTP's {@code shutdown} child-spec field).
 *
 * <p>A stop first calls {@link Child#requestStop()} and waits up to {@link #timeout()} for the child's thread to
 * end; then it interrupts the thread and waits up to {@link #interruptGrace()} more. A child still running after
 * that is reported as stuck ({@link ExitReason.Kind#STUCK}) and abandoned, so it never blocks the tree's shutdown.
 *
 * @param timeout        how long a child may take to stop after being asked; zero means interrupt at once
 *                       (OTP's {@code brutal_kill})
 * @param interruptGrace how long to wait after the interrupt before reporting the child as stuck; positive
 */
public record Shutdown(Duration timeout, Duration interruptGrace) {

    /** The default interrupt grace: one second. */
    public static final Duration DEFAULT_INTERRUPT_GRACE = Duration.ofSeconds(1);

    /** The default for workers: five seconds to stop, as in OTP, then an interrupt. */
    public static final Shutdown DEFAULT_WORKER = new Shutdown(Duration.ofSeconds(5), DEFAULT_INTERRUPT_GRACE);

    /**
     * The default for supervisor children: a long timeout, so a nested tree can stop its own children in order.
     * (OTP uses {@code infinity}; a bound keeps a wedged subtree from hanging the whole shutdown.)
     */
    public static final Shutdown DEFAULT_SUPERVISOR = new Shutdown(Duration.ofMinutes(1), DEFAULT_INTERRUPT_GRACE);
    /**
     * Creates the record, validating and copying its components.
     *
     * @param timeout how long a child may take to stop after being asked; zero means interrupt at once (OTP's {@code brutal_kill})
     * @param interruptGrace how long to wait after the interrupt before reporting the child as stuck; positive
     */
    public Shutdown {
        Objects.requireNonNull(timeout, "shutdown timeout must not be null");
        Objects.requireNonNull(interruptGrace, "interrupt grace must not be null");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("shutdown timeout must be zero or more, got " + timeout);
        }
        if (interruptGrace.isZero() || interruptGrace.isNegative()) {
            throw new IllegalArgumentException("interrupt grace must be positive, got " + interruptGrace);
        }
    }

    /**
     * Asks the child to stop, waits {@code timeout}, then interrupts it.
     *
     * @param timeout how long the child may take to stop; zero or more
     * @return the shutdown
     */
    public static Shutdown timeout(Duration timeout) {
        return new Shutdown(timeout, DEFAULT_INTERRUPT_GRACE);
    }

    /** {@return a shutdown that interrupts the child at once (OTP's {@code brutal_kill})} */
    public static Shutdown immediate() {
        return new Shutdown(Duration.ZERO, DEFAULT_INTERRUPT_GRACE);
    }
}
