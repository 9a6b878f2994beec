package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.SnapshotMetadata;

import java.util.List;

/**
 * What {@link SavepointManager#prune(RetentionPolicy, boolean)} deleted, or would delete in a dry run. Immutable.
 *
 * @param dryRun  true if nothing was deleted
 * @param deleted the savepoints deleted (or that would be), oldest first
 * @param kept    the savepoints kept, oldest first
 */
public record PruneResult(boolean dryRun, List<SnapshotMetadata> deleted, List<SnapshotMetadata> kept) {

    /**
     * Creates the record, copying the lists.
     *
     * @param dryRun  true if nothing was deleted
     * @param deleted the savepoints deleted (or that would be)
     * @param kept    the savepoints kept
     */
    public PruneResult {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
    }
}
