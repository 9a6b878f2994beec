/**
 * The savepoint manager: create a savepoint from a checkpoint, list, show, verify, delete, prune and clean up
 * savepoints, and restore from one ({@link io.sabot.runtime.savepoint.SavepointManager}). A savepoint is one
 * directory or key prefix named by its {@link io.sabot.api.savepoint.SavepointId}, holding the agents' state files
 * and a {@value io.sabot.api.savepoint.SnapshotMetadata#METADATA_FILE} written last; there is no central index.
 */
package io.sabot.runtime.savepoint;
