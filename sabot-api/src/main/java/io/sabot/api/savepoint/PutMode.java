package io.sabot.api.savepoint;

/** What a put does when the key already exists. */
public enum PutMode {
    /** Replace the existing object. */
    OVERWRITE,
    /**
     * Write only if the key is absent, atomically (a filesystem's exclusive link, S3's {@code If-None-Match: *}),
     * and fail with {@link KeyExistsException} otherwise. Used for metadata, so a snapshot is committed once.
     */
    CREATE_IF_ABSENT
}
