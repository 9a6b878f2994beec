package io.sabot.runtime.app;

import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.Source;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A declared source. Immutable.
 *
 * @param name     the source's name, unique among the app's sources and agents
 * @param output   the channel it emits to
 * @param factory  creates the source at each (re)start
 * @param settings its supervision settings
 */
public record SourceSpec(String name, ChannelRef<?> output, Supplier<? extends Source<?>> factory,
                         TaskSettings settings) {

    /**
     * Creates the spec.
     *
     * @param name     the source's name
     * @param output   the channel it emits to
     * @param factory  creates the source
     * @param settings its supervision settings
     */
    public SourceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(settings, "settings");
    }
}
