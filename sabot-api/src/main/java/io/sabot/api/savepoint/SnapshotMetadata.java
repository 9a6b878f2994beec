package io.sabot.api.savepoint;

import io.sabot.api.Ids;
import io.sabot.api.agent.SourcePosition;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a checkpoint's or savepoint's {@value #METADATA_FILE} records. It is written last: its presence commits the
 * snapshot. Every path in it is relative, so a snapshot copied to another directory or store still restores. It
 * never holds credentials or store locations. Immutable.
 *
 * @param formatVersion   the metadata format, {@value #FORMAT_VERSION} for this version of Sabot
 * @param kind            checkpoint or savepoint
 * @param id              the snapshot's id: a {@link SavepointId} for a savepoint, {@code chk-N} for a checkpoint
 * @param appId           the app that wrote it
 * @param createdAt       when it was completed
 * @param description     free text from the user; may be empty
 * @param checkpointId    the number of the checkpoint it was taken at (its own number for a checkpoint)
 * @param agentIds        the agents whose state it holds, in order
 * @param files           every file it holds, with size and checksum
 * @param sourcePositions each source's position when it was taken, by source name
 */
public record SnapshotMetadata(int formatVersion, SnapshotKind kind, String id, String appId, Instant createdAt,
                               String description, long checkpointId, List<String> agentIds, List<SnapshotFile> files,
                               Map<String, SourcePosition> sourcePositions) {

    /** The name of the metadata file inside each snapshot. */
    public static final String METADATA_FILE = "_metadata.json";

    /** The metadata format this version of Sabot writes. */
    public static final int FORMAT_VERSION = 1;
    /**
     * Creates the record, validating and copying its components.
     *
     * @param formatVersion the metadata format, {@value #FORMAT_VERSION} for this version of Sabot
     * @param kind checkpoint or savepoint
     * @param id the snapshot's id: a {@link SavepointId} for a savepoint, {@code chk-N} for a checkpoint
     * @param appId the app that wrote it
     * @param createdAt when it was completed
     * @param description free text from the user; may be empty
     * @param checkpointId the number of the checkpoint it was taken at (its own number for a checkpoint)
     * @param agentIds the agents whose state it holds, in order
     * @param files every file it holds, with size and checksum
     * @param sourcePositions each source's position when it was taken, by source name
     */
    public SnapshotMetadata {
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported snapshot format version " + formatVersion
                    + "; this Sabot reads versions 1 to " + FORMAT_VERSION);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind == SnapshotKind.SAVEPOINT) {
            SavepointId.parse(id);
        } else {
            Ids.requireValid("checkpoint id", id);
        }
        Ids.requireValid("app id", appId);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(description, "description");
        if (checkpointId < 0) {
            throw new IllegalArgumentException("checkpoint id must be zero or more, got " + checkpointId);
        }
        agentIds = List.copyOf(agentIds);
        agentIds.forEach(a -> Ids.requireValid("agent id", a));
        files = List.copyOf(files);
        Set<String> paths = new HashSet<>();
        for (SnapshotFile f : files) {
            if (!paths.add(f.path())) {
                throw new IllegalArgumentException("snapshot " + id + " lists file '" + f.path() + "' twice");
            }
            if (f.path().equals(METADATA_FILE)) {
                throw new IllegalArgumentException("snapshot " + id + " must not list its own metadata file");
            }
        }
        sourcePositions = Map.copyOf(sourcePositions);
        sourcePositions.keySet().forEach(s -> Ids.requireValid("source name", s));
    }

    /** {@return the sum of the files' sizes, in bytes (the metadata file itself not included)} */
    public long totalBytes() {
        long total = 0;
        for (SnapshotFile f : files) {
            total += f.size();
        }
        return total;
    }
}
