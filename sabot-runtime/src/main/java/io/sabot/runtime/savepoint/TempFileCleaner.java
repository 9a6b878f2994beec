package io.sabot.runtime.savepoint;

import java.io.IOException;
import java.time.Duration;

/**
 * Removes a store's own temporary files that a crashed writer left behind, for stores that have such files (the
 * filesystem store's {@code deleteTempFiles}). {@link SavepointManager#cleanUp(Duration)} calls it when one is set.
 *
 * <p>Thread-safety: implementations must be thread-safe.
 */
@FunctionalInterface
public interface TempFileCleaner {

    /** Does nothing: for stores without temporary files (S3 aborts its own multipart uploads). */
    TempFileCleaner NONE = minimumAge -> 0;

    /**
     * Removes temporary files at least {@code minimumAge} old.
     *
     * @param minimumAge how old a file must be to be removed, so writes in progress are left alone
     * @return how many files were removed
     * @throws IOException if the store cannot be walked
     */
    int deleteTempFiles(Duration minimumAge) throws IOException;
}
