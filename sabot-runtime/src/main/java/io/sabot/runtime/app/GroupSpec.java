package io.sabot.runtime.app;

import io.sabot.api.supervision.Backoff;
import io.sabot.api.supervision.RestartIntensity;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared supervision group. Immutable.
 *
 * @param name      the group's name
 * @param strategy  the strategy's registered name; empty for the worker's default
 * @param intensity the restart intensity; empty for the worker's default
 * @param backoff   the delay before restarts; {@link Backoff#NONE} by default
 */
public record GroupSpec(String name, Optional<String> strategy, Optional<RestartIntensity> intensity,
                        Backoff backoff) {

    /**
     * Creates the spec.
     *
     * @param name      the group's name
     * @param strategy  the strategy's name, or empty
     * @param intensity the intensity, or empty
     * @param backoff   the backoff
     */
    public GroupSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(backoff, "backoff");
    }
}
