package io.sabot.api.agent;

import io.sabot.api.Ids;
import java.util.Objects;

/**
 * A named, bounded in-memory channel between agents, as declared on an {@link AppBuilder}.
 *
 * <p>A full channel blocks its emitters; the time they spend blocked is what "backpressured" means. Immutable.
 *
 * @param <T>      the type of the events on the channel
 * @param name     the channel's name; a valid {@link Ids identifier}, unique within the app
 * @param type     the class of the events
 * @param capacity how many events the channel holds before emitters block; 1 or more
 */
public record ChannelRef<T>(String name, Class<T> type, int capacity) {

    /** The default capacity of a channel: 1024 events. */
    public static final int DEFAULT_CAPACITY = 1024;
    /**
     * Creates the record, validating and copying its components.
     *
     * @param name the channel's name; a valid {@link Ids identifier}, unique within the app
     * @param type the class of the events
     * @param capacity how many events the channel holds before emitters block; 1 or more
     */
    public ChannelRef {
        Ids.requireValid("channel name", name);
        Objects.requireNonNull(type, () -> "channel '" + name + "': type must not be null");
        if (capacity < 1) {
            throw new IllegalArgumentException("channel '" + name + "': capacity must be 1 or more, got " + capacity);
        }
    }
}
