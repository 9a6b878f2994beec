package io.sabot.savepoint.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.savepoint.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Filesystem failures become one clear line naming the store and what to check. */
class FsErrorsTest {

    private static final Path ROOT = Path.of("/var/lib/sabot/savepoints");

    private static String message(IOException e) {
        StoreException translated = FsErrors.translate("write 'sp-1/a'", ROOT, e);
        assertThat(translated.getCause()).isSameAs(e);
        assertThat(translated.getMessage()).startsWith("cannot write 'sp-1/a' in " + ROOT + ": ").doesNotContain("\n");
        return translated.getMessage();
    }

    @Test
    void permissionProblemsNameTheDirectory() {
        assertThat(message(new AccessDeniedException("/var/lib/sabot/savepoints/sp-1")))
                .contains("permission denied").contains("may write to " + ROOT);
        assertThat(message(new FileSystemException("/x", null, "Operation not permitted")))
                .contains("permission denied");
    }

    @Test
    void readOnlyAndFullFilesystemsSayWhatToDo() {
        assertThat(message(new FileSystemException("/x", null, "Read-only file system"))).contains("read-only");
        assertThat(message(new FileSystemException("/x", null, "No space left on device"))).contains("disk is full");
    }

    @Test
    void structuralProblemsAreExplained() {
        assertThat(message(new NotDirectoryException("/x/sp-1"))).contains("a file is in the way");
        assertThat(message(new NoSuchFileException("/x/sp-1"))).contains("a directory disappeared");
    }

    @Test
    void otherFailuresKeepTheirReason() {
        assertThat(message(new IOException("disk controller exploded"))).endsWith("disk controller exploded");
        assertThat(message(new IOException())).endsWith("IOException");
        assertThat(message(new FileSystemException("/x"))).contains("FileSystemException on /x");
    }

    @Test
    void storeExceptionsPassThrough() {
        StoreException original = new StoreException("already clear");
        assertThat(FsErrors.translate("x", ROOT, original)).isSameAs(original);
    }
}
