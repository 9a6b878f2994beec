package io.sabot.api.savepoint;

/** How a store carried out a copy, so callers can report it. */
public enum CopyMethod {
    /** The server copied the object itself (S3 CopyObject / UploadPartCopy); no bytes crossed the client. */
    SERVER_SIDE,
    /** A hard link on the same filesystem; no bytes were copied. */
    HARD_LINK,
    /** The bytes were read from the source and written to the target. */
    STREAM
}
