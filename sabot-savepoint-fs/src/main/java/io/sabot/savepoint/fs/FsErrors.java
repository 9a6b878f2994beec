package io.sabot.savepoint.fs;

import io.sabot.api.savepoint.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the JDK's filesystem exceptions into one-line {@link StoreException}s that say what failed and what to check.
 *
 * <p>Thread-safety: stateless.
 */
final class FsErrors {

    private FsErrors() {
    }

    /**
     * Describes a failed operation.
     *
     * @param action   what the store was doing, for example {@code "write 'sp-1/a'"}
     * @param location the store's root, for the message
     * @param e        the failure
     * @return the exception to throw
     */
    static StoreException translate(String action, Path location, IOException e) {
        if (e instanceof StoreException) {
            return (StoreException) e;
        }
        String reason = reason(e);
        String hint;
        if (e instanceof AccessDeniedException || reason.toLowerCase(Locale.ROOT).contains("permission denied")
                || reason.toLowerCase(Locale.ROOT).contains("operation not permitted")) {
            hint = "permission denied; check that the user running Sabot may write to " + location;
        } else if (reason.toLowerCase(Locale.ROOT).contains("read-only file system")) {
            hint = "the filesystem is read-only; mount it read-write or choose another savepoint directory";
        } else if (reason.toLowerCase(Locale.ROOT).contains("no space left")) {
            hint = "the disk is full; free space or choose another savepoint directory";
        } else if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                || isNotADirectory(e)) {
            hint = "a file is in the way of a directory (" + reason + "); keys must not use an object as a directory";
        } else if (e instanceof NoSuchFileException) {
            hint = "a directory disappeared (" + reason + "); check that nothing else deletes files under " + location;
        } else {
            hint = reason;
        }
        return new StoreException("cannot " + action + " in " + location + ": " + hint, e);
    }

    /**
     * Tells whether a failure is the operating system's "not a directory" (a file where a path needs a directory).
     *
     * @param e the failure
     * @return true if so
     */
    static boolean isNotADirectory(IOException e) {
        return e instanceof NotDirectoryException || e instanceof FileSystemException
                && ((FileSystemException) e).getReason() != null
                && ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT).contains("not a directory");
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException) {
            FileSystemException fse = (FileSystemException) e;
            String why = fse.getReason();
            return why != null ? why : e.getClass().getSimpleName() + " on " + fse.getFile();
        }
        String message = e.getMessage();
        return message != null ? message : e.getClass().getSimpleName();
    }
}
