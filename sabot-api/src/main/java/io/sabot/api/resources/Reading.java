package io.sabot.api.resources;

import java.util.Objects;

/**
 * One measured figure, or the statement that it could not be measured and why. Sabot never reports a figure it
 * could not measure as zero.
 *
 * <p>Immutable.
 */
public final class Reading {

    private final double value;
    private final String unavailableReason;

    private Reading(double value, String unavailableReason) {
        this.value = value;
        this.unavailableReason = unavailableReason;
    }

    /**
     * A measured value.
     *
     * @param value the figure, in the unit its name states; finite
     * @return the reading
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static Reading of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a reading must be finite, got " + value);
        }
        return new Reading(value, null);
    }

    /**
     * A figure that could not be measured.
     *
     * @param reason why, for example {@code "thread CPU time is not measurable on a virtual thread"}
     * @return the reading
     */
    public static Reading unavailable(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable reading needs a reason");
        }
        return new Reading(Double.NaN, reason);
    }

    /** {@return true if the figure was measured} */
    public boolean isAvailable() {
        return unavailableReason == null;
    }

    /**
     * The measured value.
     *
     * @return the value
     * @throws IllegalStateException if the figure was not measured; the message gives the reason
     */
    public double value() {
        if (unavailableReason != null) {
            throw new IllegalStateException("figure not available: " + unavailableReason);
        }
        return value;
    }

    /**
     * The measured value, or a fallback.
     *
     * @param fallback returned if the figure was not measured
     * @return the value or {@code fallback}
     */
    public double orElse(double fallback) {
        return unavailableReason == null ? value : fallback;
    }

    /** {@return why the figure was not measured; null if it was} */
    public String unavailableReason() {
        return unavailableReason;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Reading)) {
            return false;
        }
        Reading other = (Reading) o;
        return Double.compare(value, other.value) == 0 && Objects.equals(unavailableReason, other.unavailableReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, unavailableReason);
    }

    @Override
    public String toString() {
        return unavailableReason == null ? Double.toString(value) : "unavailable (" + unavailableReason + ")";
    }
}
