package io.sabot.api.resources;

/**
 * Turns the two halves of the backpressure signal into a {@link BackpressureLevel}: the resource ratio (a figure
 * divided by its limit) and the flow ratio (the share of time blocked on a full output channel). The agent's level
 * is the worse of the two.
 *
 * <p>Defaults ({@link #DEFAULT}): the resource ratio is LOW from 0.50, MEDIUM from 0.70, HIGH from 0.85 and CRITICAL
 * from 0.95 (the original design's thresholds); the flow ratio is LOW above 0.10 and HIGH above 0.50, as Flink
 * classifies backpressure, and MEDIUM above 0.30 between them. Immutable.
 *
 * @param resourceLow      resource ratio at which the level is LOW
 * @param resourceMedium   resource ratio at which it is MEDIUM
 * @param resourceHigh     resource ratio at which it is HIGH
 * @param resourceCritical resource ratio at which it is CRITICAL
 * @param flowLow          flow ratio above which the level is LOW
 * @param flowMedium       flow ratio above which it is MEDIUM
 * @param flowHigh         flow ratio above which it is HIGH
 */
public record BackpressureThresholds(double resourceLow, double resourceMedium, double resourceHigh,
                                     double resourceCritical, double flowLow, double flowMedium, double flowHigh) {

    /** The default thresholds described above. */
    public static final BackpressureThresholds DEFAULT =
            new BackpressureThresholds(0.50, 0.70, 0.85, 0.95, 0.10, 0.30, 0.50);
    /**
     * Creates the record, validating and copying its components.
     *
     * @param resourceLow resource ratio at which the level is LOW
     * @param resourceMedium resource ratio at which it is MEDIUM
     * @param resourceHigh resource ratio at which it is HIGH
     * @param resourceCritical resource ratio at which it is CRITICAL
     * @param flowLow flow ratio above which the level is LOW
     * @param flowMedium flow ratio above which it is MEDIUM
     * @param flowHigh flow ratio above which it is HIGH
     */
    public BackpressureThresholds {
        increasing("resource", resourceLow, resourceMedium, resourceHigh, resourceCritical);
        increasing("flow", flowLow, flowMedium, flowHigh);
        if (flowHigh >= 1.0) {
            throw new IllegalArgumentException("flow thresholds are shares of time and must be below 1, got " + flowHigh);
        }
    }

    private static void increasing(String what, double... values) {
        double previous = 0.0;
        for (double v : values) {
            if (!(v > previous) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " backpressure thresholds must be positive and strictly "
                        + "increasing, got " + java.util.Arrays.toString(values));
            }
            previous = v;
        }
    }

    /**
     * Classifies a resource ratio.
     *
     * @param ratio a figure divided by its limit; NaN counts as NONE
     * @return the level
     */
    public BackpressureLevel classifyResource(double ratio) {
        if (ratio >= resourceCritical) {
            return BackpressureLevel.CRITICAL;
        }
        if (ratio >= resourceHigh) {
            return BackpressureLevel.HIGH;
        }
        if (ratio >= resourceMedium) {
            return BackpressureLevel.MEDIUM;
        }
        if (ratio >= resourceLow) {
            return BackpressureLevel.LOW;
        }
        return BackpressureLevel.NONE;
    }

    /**
     * Classifies a flow ratio.
     *
     * @param ratio the share of time blocked on a full output channel (0..1); NaN counts as NONE
     * @return the level; never CRITICAL, since being blocked is not exceeding a limit
     */
    public BackpressureLevel classifyFlow(double ratio) {
        if (ratio > flowHigh) {
            return BackpressureLevel.HIGH;
        }
        if (ratio > flowMedium) {
            return BackpressureLevel.MEDIUM;
        }
        if (ratio > flowLow) {
            return BackpressureLevel.LOW;
        }
        return BackpressureLevel.NONE;
    }

    /**
     * The agent's level: the worse of its resource and flow levels.
     *
     * @param resourceRatio the highest figure-to-limit ratio among the agent's limits
     * @param flowRatio     the share of time blocked on a full output channel
     * @return the level
     */
    public BackpressureLevel classify(double resourceRatio, double flowRatio) {
        return classifyResource(resourceRatio).worse(classifyFlow(flowRatio));
    }
}
