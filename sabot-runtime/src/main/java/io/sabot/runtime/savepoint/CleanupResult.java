package io.sabot.runtime.savepoint;

import java.util.List;

/**
 * What {@link SavepointManager#cleanUp(java.time.Duration)} removed. Immutable.
 *
 * @param incompleteRemoved the names of the incomplete savepoint directories removed (no metadata: a creation or a
 *                          delete that was interrupted)
 * @param tempFilesRemoved  how many of the store's own temporary files were removed
 */
public record CleanupResult(List<String> incompleteRemoved, int tempFilesRemoved) {

    /**
     * Creates the record, copying the list.
     *
     * @param incompleteRemoved the incomplete directories removed
     * @param tempFilesRemoved  how many temporary files were removed
     */
    public CleanupResult {
        incompleteRemoved = List.copyOf(incompleteRemoved);
    }
}
