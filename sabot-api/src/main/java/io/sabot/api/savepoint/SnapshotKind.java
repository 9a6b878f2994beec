package io.sabot.api.savepoint;

/** Whether a snapshot is a checkpoint (taken by the runtime, retained briefly) or a savepoint (kept until deleted). */
public enum SnapshotKind {
    /** Taken periodically or on demand by the runtime; the last N are retained. */
    CHECKPOINT,
    /** Created by a user (or from a checkpoint), never modified and kept until deleted or pruned. */
    SAVEPOINT
}
