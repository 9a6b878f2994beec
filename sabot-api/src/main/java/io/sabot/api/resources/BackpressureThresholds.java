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

    /**
     * Reads thresholds written as text, the form the worker's {@code --backpressure} option and the resources module's
     * {@code sabot.resources.backpressure} property take: {@code resource=} four ratios and/or {@code flow=} three,
     * separated by a comma, each list joined by {@code /}, each ratio a number or a percentage. A part left out keeps
     * the {@link #DEFAULT} values. For example {@code resource=0.4/0.6/0.8/0.9,flow=0.05/0.2/0.4},
     * {@code resource=40%/60%/80%/90%} or {@code flow=0.2/0.4/0.6}.
     *
     * @param text the thresholds
     * @return the thresholds
     * @throws IllegalArgumentException if the text is malformed or the thresholds are invalid, with a message that
     *                                  shows the expected form
     */
    public static BackpressureThresholds parse(String text) {
        java.util.Objects.requireNonNull(text, "text");
        double[] resource = {DEFAULT.resourceLow, DEFAULT.resourceMedium, DEFAULT.resourceHigh,
            DEFAULT.resourceCritical};
        double[] flow = {DEFAULT.flowLow, DEFAULT.flowMedium, DEFAULT.flowHigh};
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            double[] target = "resource".equals(name) ? resource : "flow".equals(name) ? flow : null;
            if (eq < 0 || target == null || !seen.add(name)) {
                throw malformed(text, "expected resource=... and/or flow=..., each once");
            }
            String[] values = part.substring(eq + 1).split("/", -1);
            if (values.length != target.length) {
                throw malformed(text, name + " takes " + target.length + " ratios joined by '/', got "
                        + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                target[i] = ratio(text, values[i].strip());
            }
        }
        try {
            return new BackpressureThresholds(resource[0], resource[1], resource[2], resource[3], flow[0], flow[1],
                    flow[2]);
        } catch (IllegalArgumentException e) {
            throw malformed(text, e.getMessage());
        }
    }

    private static double ratio(String text, String value) {
        boolean percent = value.endsWith("%");
        String number = percent ? value.substring(0, value.length() - 1).strip() : value;
        try {
            double v = Double.parseDouble(number);
            if (number.isEmpty() || !Character.isDigit(number.charAt(number.length() - 1))) {
                throw new NumberFormatException(value); // "1d", "1f" parse as doubles but are not ratios
            }
            return percent ? v / 100 : v;
        } catch (NumberFormatException e) {
            throw malformed(text, "'" + value + "' is not a ratio (0.5) or a percentage (50%)");
        }
    }

    private static IllegalArgumentException malformed(String text, String why) {
        return new IllegalArgumentException("backpressure thresholds must look like "
                + "resource=0.5/0.7/0.85/0.95,flow=0.1/0.3/0.5 (either part may be left out), got '" + text + "': "
                + why);
    }

    /**
     * These thresholds as text that {@link #parse(String)} reads back to an equal value.
     *
     * @return for the defaults {@code resource=0.5/0.7/0.85/0.95,flow=0.1/0.3/0.5}
     */
    public String toText() {
        return "resource=" + number(resourceLow) + "/" + number(resourceMedium) + "/" + number(resourceHigh) + "/"
                + number(resourceCritical) + ",flow=" + number(flowLow) + "/" + number(flowMedium) + "/"
                + number(flowHigh);
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
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
