package io.sabot.api.resources;

/**
 * The duty-cycle arithmetic behind {@link LimitAction#THROTTLE}: given the largest share of one core an agent may
 * use and how long its last step kept it busy, how long it must pause so that {@code busy / (busy + pause)} stays at
 * or below that share.
 *
 * <p>The pause owed after a step of {@code busy} nanoseconds at ratio {@code r} is {@code busy * (1 - r) / r}. Short
 * steps owe pauses far below what a timer can honour, so the pacer adds each step's pause to a <em>debt</em> and asks
 * for a pause only once the debt reaches {@link #minPauseNanos()}; nothing owed is lost to timer granularity. A
 * pause is never longer than {@link #maxPauseNanos()}: the rest of the debt is carried to the next step, so a paused
 * agent still notices stop requests promptly. When the caller reports how long it really paused
 * ({@link #paused(long, long)}), oversleeping is credited and undersleeping is owed, within one maximum pause either
 * way.
 *
 * <p>The busy time is best measured as the step's CPU time on the agent's own thread
 * ({@code ThreadMXBean#getCurrentThreadCpuTime()}, read only while {@link #isThrottling()}): wall time also counts the
 * time the operating system gave to other threads, so on a loaded machine it over-throttles the agent. Use, after
 * each step of the agent:
 *
 * <pre>{@code
 * long pause = pacer.pauseAfter(busyNanos);
 * if (pause > 0) {
 *     long start = System.nanoTime();
 *     LockSupport.parkNanos(pause);
 *     pacer.paused(pause, System.nanoTime() - start);
 * }
 * }</pre>
 *
 * <p>Defaults: no throttle (ratio 1), {@link #DEFAULT_MIN_PAUSE_NANOS} (1 ms) and {@link #DEFAULT_MAX_PAUSE_NANOS}
 * (100 ms).
 *
 * <p>Thread-safety: {@link #throttle(double)} and {@link #maxCpuRatio()} may be called from any thread (the
 * monitor's); {@link #pauseAfter(long)} and {@link #paused(long, long)} keep the debt and must be called from one
 * thread at a time (the agent's).
 */
public final class CpuPacer {

    /** The smallest pause the pacer asks for, in nanoseconds: one millisecond, about what a timer honours. */
    public static final long DEFAULT_MIN_PAUSE_NANOS = 1_000_000L;
    /** The longest single pause the pacer asks for, in nanoseconds: 100 milliseconds. */
    public static final long DEFAULT_MAX_PAUSE_NANOS = 100_000_000L;

    private final long minPauseNanos;
    private final long maxPauseNanos;
    private volatile double maxCpuRatio = 1.0;
    private long debtNanos;

    /** Creates an unthrottled pacer with the default minimum (1 ms) and maximum (100 ms) pauses. */
    public CpuPacer() {
        this(DEFAULT_MIN_PAUSE_NANOS, DEFAULT_MAX_PAUSE_NANOS);
    }

    /**
     * Creates an unthrottled pacer.
     *
     * @param minPauseNanos the smallest pause to ask for, in nanoseconds; zero or more (zero pays every debt at once)
     * @param maxPauseNanos the longest single pause to ask for, in nanoseconds; positive and at least
     *                      {@code minPauseNanos}
     * @throws IllegalArgumentException if the bounds are negative or out of order
     */
    public CpuPacer(long minPauseNanos, long maxPauseNanos) {
        if (minPauseNanos < 0 || maxPauseNanos <= 0 || maxPauseNanos < minPauseNanos) {
            throw new IllegalArgumentException("pacer pauses need 0 <= min <= max and max > 0, got min "
                    + minPauseNanos + " ns and max " + maxPauseNanos + " ns");
        }
        this.minPauseNanos = minPauseNanos;
        this.maxPauseNanos = maxPauseNanos;
    }

    /**
     * Sets the largest share of one core the agent may use. A ratio of 1 or more removes the throttle (and forgets
     * any debt at the next step).
     *
     * @param ratio the share of one core, above 0; 0.2 means 20% of one core
     * @throws IllegalArgumentException if {@code ratio} is not a positive number
     */
    public void throttle(double ratio) {
        if (!(ratio > 0.0) || Double.isNaN(ratio)) {
            throw new IllegalArgumentException("a CPU throttle ratio must be above 0, got " + ratio
                    + "; use 1 to remove the throttle");
        }
        maxCpuRatio = Math.min(ratio, 1.0);
    }

    /** {@return the share of one core the agent may use; 1 when it is not throttled} */
    public double maxCpuRatio() {
        return maxCpuRatio;
    }

    /** {@return true if a ratio below 1 is set} */
    public boolean isThrottling() {
        return maxCpuRatio < 1.0;
    }

    /** {@return the smallest pause the pacer asks for, in nanoseconds} */
    public long minPauseNanos() {
        return minPauseNanos;
    }

    /** {@return the longest single pause the pacer asks for, in nanoseconds} */
    public long maxPauseNanos() {
        return maxPauseNanos;
    }

    /**
     * The pause still owed and not yet asked for, in nanoseconds; negative when earlier oversleeping is credited.
     * Call from the agent's thread.
     *
     * @return the debt
     */
    public long debtNanos() {
        return debtNanos;
    }

    /**
     * Records a step and tells how long to pause now. The returned pause is counted as paid; report the real
     * duration with {@link #paused(long, long)} to correct for the timer.
     *
     * @param busyNanos how long the step kept the agent busy, in nanoseconds; negative values count as zero
     * @return the pause to take now, in nanoseconds: zero, or between {@link #minPauseNanos()} and
     *         {@link #maxPauseNanos()}
     */
    public long pauseAfter(long busyNanos) {
        double ratio = maxCpuRatio;
        if (ratio >= 1.0) {
            debtNanos = 0;
            return 0;
        }
        long busy = Math.max(0, busyNanos);
        double owed = busy * (1.0 - ratio) / ratio;
        // Saturate rather than overflow for absurd steps; the excess is carried, a max pause at a time.
        debtNanos = saturatedAdd(debtNanos, owed >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(owed));
        if (debtNanos < Math.max(1, minPauseNanos)) {
            return 0;
        }
        long pause = Math.min(debtNanos, maxPauseNanos);
        debtNanos -= pause;
        return pause;
    }

    /**
     * Corrects the debt for the pause the agent really took: time slept beyond the planned pause is credited, time
     * short of it is owed. The correction is bounded by one {@link #maxPauseNanos()} either way, so one long stall
     * does not buy a long burst.
     *
     * @param plannedNanos the pause {@link #pauseAfter(long)} asked for
     * @param actualNanos  how long the agent really paused
     */
    public void paused(long plannedNanos, long actualNanos) {
        if (maxCpuRatio >= 1.0) {
            debtNanos = 0;
            return;
        }
        long overslept = actualNanos - plannedNanos;
        long corrected = debtNanos - overslept;
        debtNanos = Math.max(-maxPauseNanos, Math.min(corrected, saturatedAdd(debtNanos, maxPauseNanos)));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    @Override
    public String toString() {
        return "CpuPacer[maxCpuRatio=" + maxCpuRatio + ", debtNanos=" + debtNanos + "]";
    }
}
