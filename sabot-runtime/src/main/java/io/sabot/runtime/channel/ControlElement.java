package io.sabot.runtime.channel;

/**
 * An element that travels through a {@link Channel} in order with the events but is handled by the runtime, never
 * handed to an agent: a {@link CheckpointBarrier} or the {@link EndOfStream}. The type is sealed, so no user event
 * can be mistaken for one.
 */
public sealed interface ControlElement permits CheckpointBarrier, EndOfStream {
}
