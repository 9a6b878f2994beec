package io.sabot.api.resources;

import io.sabot.api.Ids;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The readings one probe took at one moment. Immutable.
 *
 * @param probe    the name of the probe that took it
 * @param at       when
 * @param readings figure name to reading; see {@link ResourceFigures}
 */
public record ResourceSample(String probe, Instant at, Map<String, Reading> readings) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param probe the name of the probe that took it
     * @param at when
     * @param readings figure name to reading; see {@link ResourceFigures}
     */
    public ResourceSample {
        Ids.requireValid("probe name", probe);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(readings, "readings");
        readings = Map.copyOf(readings);
    }

    /**
     * One figure of the sample.
     *
     * @param figure the figure's name
     * @return its reading, or an unavailable reading saying this probe does not report it
     */
    public Reading reading(String figure) {
        Reading r = readings.get(figure);
        return r != null ? r : Reading.unavailable("probe '" + probe + "' does not report " + figure);
    }
}
