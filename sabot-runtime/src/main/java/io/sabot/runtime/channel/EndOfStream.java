package io.sabot.runtime.channel;

/** Marks the end of a channel's events: its writer finished and will emit nothing more. A singleton. */
public enum EndOfStream implements ControlElement {
    /** The only instance. */
    INSTANCE
}
