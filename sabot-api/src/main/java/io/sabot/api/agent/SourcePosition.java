package io.sabot.api.agent;

import java.util.Map;
import java.util.Objects;

/**
 * Where a source is in its input: saved with every checkpoint and savepoint, so a restored source resumes there.
 *
 * <p>{@link #offset()} is the main figure - the next sequence number of a generator, the byte offset of the next
 * line of a file. {@link #attributes()} hold whatever else a source needs (a file's identity, a partition map).
 * Immutable.
 *
 * @param offset     the position in the source's own unit; zero or more
 * @param attributes further facts; keys and values not null
 */
public record SourcePosition(long offset, Map<String, String> attributes) {

    /** The beginning of any source: offset 0, no attributes. */
    public static final SourcePosition START = new SourcePosition(0, Map.of());
    /**
     * Creates the record, validating and copying its components.
     *
     * @param offset the position in the source's own unit; zero or more
     * @param attributes further facts; keys and values not null
     */
    public SourcePosition {
        if (offset < 0) {
            throw new IllegalArgumentException("source offset must be zero or more, got " + offset);
        }
        Objects.requireNonNull(attributes, "attributes must not be null");
        attributes = Map.copyOf(attributes);
    }

    /**
     * A position with an offset only.
     *
     * @param offset zero or more
     * @return the position
     */
    public static SourcePosition of(long offset) {
        return new SourcePosition(offset, Map.of());
    }
}
