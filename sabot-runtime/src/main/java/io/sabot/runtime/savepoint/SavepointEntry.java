package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.SnapshotMetadata;

import java.util.Objects;
import java.util.Optional;

/**
 * One savepoint as {@link SavepointManager#list()} found it: either its metadata, or - if the metadata could not be
 * read or is not valid savepoint metadata - a warning saying why. Immutable.
 *
 * @param id       the savepoint's directory name (a valid savepoint id)
 * @param metadata its metadata, or empty if it is unreadable
 * @param warning  why the metadata is unreadable, one line; empty if the metadata was read
 */
public record SavepointEntry(String id, Optional<SnapshotMetadata> metadata, Optional<String> warning) {

    /**
     * Creates the record; exactly one of {@code metadata} and {@code warning} is present.
     *
     * @param id       the savepoint's directory name
     * @param metadata its metadata, or empty
     * @param warning  why it is unreadable, or empty
     */
    public SavepointEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(warning, "warning");
        if (metadata.isPresent() == warning.isPresent()) {
            throw new IllegalArgumentException("a savepoint entry holds either metadata or a warning");
        }
    }

    static SavepointEntry readable(SnapshotMetadata metadata) {
        return new SavepointEntry(metadata.id(), Optional.of(metadata), Optional.empty());
    }

    static SavepointEntry unreadable(String id, String warning) {
        return new SavepointEntry(id, Optional.empty(), Optional.of(warning));
    }

    /** {@return true if the metadata was read and is valid} */
    public boolean isReadable() {
        return metadata.isPresent();
    }
}
