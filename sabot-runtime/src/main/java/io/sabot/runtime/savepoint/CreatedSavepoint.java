package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.SnapshotMetadata;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of creating a savepoint. Immutable.
 *
 * @param metadata   the savepoint's metadata, as written
 * @param copyMethod how its files were copied: {@link CopyMethod#HARD_LINK} if every file was hard-linked,
 *                   {@link CopyMethod#SERVER_SIDE} if every file was copied by the server, otherwise
 *                   {@link CopyMethod#STREAM} (at least one file's bytes went through this process)
 * @param duration   how long creating it took, wall time
 */
public record CreatedSavepoint(SnapshotMetadata metadata, CopyMethod copyMethod, Duration duration) {

    /**
     * Creates the record.
     *
     * @param metadata   the savepoint's metadata
     * @param copyMethod how its files were copied
     * @param duration   how long it took
     */
    public CreatedSavepoint {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(copyMethod, "copyMethod");
        Objects.requireNonNull(duration, "duration");
    }

    /** {@return the new savepoint's id} */
    public String id() {
        return metadata.id();
    }
}
