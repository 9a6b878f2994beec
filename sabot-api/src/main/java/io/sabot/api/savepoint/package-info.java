/**
 * Checkpoint and savepoint storage: the object-store SPI ({@link io.sabot.api.savepoint.SavepointStore}, found by
 * URI scheme through {@link io.sabot.api.savepoint.SavepointStoreProvider}) and the metadata written with every
 * snapshot ({@link io.sabot.api.savepoint.SnapshotMetadata}).
 *
 * <p>Layout: one directory (filesystem) or key prefix (S3) per snapshot, holding the agents' state files and a
 * {@value io.sabot.api.savepoint.SnapshotMetadata#METADATA_FILE} written last - its presence is the commit. There
 * is no central index: listing reads each snapshot's metadata, so concurrent writers never lose each other's work
 * and one corrupt entry hides nothing else.
 */
package io.sabot.api.savepoint;
