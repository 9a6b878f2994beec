package io.sabot.api.agent;

import io.sabot.api.supervision.Backoff;
import io.sabot.api.supervision.RestartIntensity;

/**
 * Options of a supervision group. Defaults: the worker's strategy ({@code --supervision}, itself defaulting to
 * {@code one_for_one}), the worker's restart intensity, no backoff. Groups are started in declaration order, after
 * the default group.
 *
 * <p>Thread-safety: not thread-safe; valid only during {@link App#configure(AppBuilder)}.
 */
public interface GroupOptions {

    /**
     * Sets the group's strategy by name: {@code one_for_one}, {@code one_for_all}, {@code rest_for_one} or a
     * plugin's.
     *
     * @param strategyName the strategy's registered name
     * @return these options
     */
    GroupOptions strategy(String strategyName);

    /**
     * Sets the group's restart intensity.
     *
     * @param intensity the intensity
     * @return these options
     */
    GroupOptions intensity(RestartIntensity intensity);

    /**
     * Sets a delay before restarts.
     *
     * @param backoff the backoff
     * @return these options
     */
    GroupOptions backoff(Backoff backoff);
}
