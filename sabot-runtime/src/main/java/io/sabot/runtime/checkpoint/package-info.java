/**
 * Checkpoints: the {@link io.sabot.runtime.checkpoint.CheckpointCoordinator} that triggers them and collects the
 * tasks' snapshots, their layout on a store ({@link io.sabot.runtime.checkpoint.CheckpointStorage}) and the JSON
 * form of snapshot metadata ({@link io.sabot.runtime.checkpoint.SnapshotMetadataJson}).
 */
package io.sabot.runtime.checkpoint;
