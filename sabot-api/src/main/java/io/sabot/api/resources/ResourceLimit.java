package io.sabot.api.resources;

import java.util.Objects;

/**
 * A limit on a resource and the action taken when it is exceeded. Every violation is also counted in
 * {@code sabot_agent_limit_violations_total}, once per episode. Immutable.
 *
 * @param kind      what is limited
 * @param threshold the limit, in the kind's unit; positive, and at most 1 for a ratio
 * @param action    what to do when the figure exceeds the threshold; one of the kind's allowed actions
 */
public record ResourceLimit(LimitKind kind, double threshold, LimitAction action) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param kind what is limited
     * @param threshold the limit, in the kind's unit; positive, and at most 1 for a ratio
     * @param action what to do when the figure exceeds the threshold; one of the kind's allowed actions
     */
    public ResourceLimit {
        Objects.requireNonNull(kind, "limit kind must not be null");
        Objects.requireNonNull(action, "limit action must not be null");
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException(kind + " limit must be positive, got " + threshold);
        }
        if (kind.isRatio() && threshold > 1.0) {
            throw new IllegalArgumentException(kind + " limit is a ratio (" + kind.unit() + ") and must be at most 1, got "
                    + threshold + "; write 20% as 0.2");
        }
        if (!kind.allowedActions().contains(action)) {
            throw new IllegalArgumentException(action + " is not an action for " + kind + "; use one of "
                    + kind.allowedActions());
        }
    }

    /**
     * Creates a limit.
     *
     * @param kind      what is limited
     * @param threshold the limit, in the kind's unit
     * @param action    what to do when exceeded
     * @return the limit
     */
    public static ResourceLimit of(LimitKind kind, double threshold, LimitAction action) {
        return new ResourceLimit(kind, threshold, action);
    }

    /**
     * How close a figure is to this limit.
     *
     * @param figure the measured figure, in the kind's unit
     * @return {@code figure / threshold}; above 1 when the limit is exceeded
     */
    public double ratio(double figure) {
        return figure / threshold;
    }

    /**
     * Tells whether a figure exceeds this limit.
     *
     * @param figure the measured figure
     * @return true if {@code figure > threshold}
     */
    public boolean isExceededBy(double figure) {
        return figure > threshold;
    }
}
