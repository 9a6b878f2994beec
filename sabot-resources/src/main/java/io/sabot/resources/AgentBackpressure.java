package io.sabot.resources;

import io.sabot.api.resources.BackpressureLevel;
import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceLimit;
import java.util.List;
import java.util.Objects;

/**
 * An agent's backpressure level: the worse of its resource ratio (the highest figure-to-threshold ratio among its
 * limits, {@link #resourceRatio(AgentFigures, List)}) and its flow ratio (the share of time it spent blocked on a
 * full output channel), classified by {@link BackpressureThresholds}.
 *
 * <p>Figures that could not be measured do not count toward the resource ratio; an agent without limits is judged
 * by its flow alone. Immutable and thread-safe.
 */
public final class AgentBackpressure {

    private final BackpressureThresholds thresholds;

    /**
     * Creates the classifier.
     *
     * @param thresholds the levels' thresholds; {@link BackpressureThresholds#DEFAULT} by default
     */
    public AgentBackpressure(BackpressureThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** {@return the thresholds in use} */
    public BackpressureThresholds thresholds() {
        return thresholds;
    }

    /**
     * The highest ratio of a measured figure to its limit's threshold.
     *
     * @param figures the agent's figures
     * @param limits  the agent's limits
     * @return the ratio (above 1 when a limit is exceeded); 0 if no limit applies to a measured figure
     */
    public static double resourceRatio(AgentFigures figures, List<ResourceLimit> limits) {
        double worst = 0.0;
        for (ResourceLimit limit : limits) {
            Reading figure = figures.figure(limit.kind());
            if (figure.isAvailable()) {
                worst = Math.max(worst, limit.ratio(figure.value()));
            }
        }
        return worst;
    }

    /**
     * Classifies an agent.
     *
     * @param figures the agent's figures
     * @param limits  the agent's limits
     * @return the worse of its resource and flow levels
     */
    public BackpressureLevel level(AgentFigures figures, List<ResourceLimit> limits) {
        return thresholds.classify(resourceRatio(figures, limits), figures.backpressuredRatio());
    }
}
