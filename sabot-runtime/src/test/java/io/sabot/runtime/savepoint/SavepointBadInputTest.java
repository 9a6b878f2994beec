package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoredObject;
import io.sabot.savepoint.fs.FsSavepointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Bad input gets one clear error, and the stored savepoints stay intact. */
class SavepointBadInputTest {

    private static final String UNKNOWN = "sp-20261203-101010-000-0badc0de";

    @TempDir
    Path dir;

    private FsSavepointStore checkpoints;
    private FsSavepointStore savepoints;
    private SavepointManager manager;
    private String stored;

    @BeforeEach
    void setUp() throws IOException {
        checkpoints = FsSavepointStore.builder(dir.resolve("chk")).createDirectory(true).fsync(false).build();
        savepoints = FsSavepointStore.builder(dir.resolve("sp")).createDirectory(true).fsync(false).build();
        manager = SavepointManager.of(savepoints);
        TestCheckpoints.write(checkpoints, 1, 1000);
        stored = manager.createFromLatestCheckpoint(checkpoints, "").id();
    }

    private void assertIntact(List<StoredObject> before) throws IOException {
        assertThat(savepoints.list("")).isEqualTo(before);
        assertThat(manager.list()).extracting(SavepointEntry::id).containsExactly(stored);
        assertThat(manager.verify(stored).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../sp-20261203-101010-000-0badc0de", "sp-20261203-101010-000-0badc0de/..",
            "a/b", "/etc/passwd", "..", "", "sp-20261203-101010-000-0BADC0DE", "sp-20260231-101010-000-0badc0de"})
    void malformedIdsAreRejectedEverywhere(String id) throws IOException {
        List<StoredObject> before = savepoints.list("");
        List<Executable> operations = List.of(() -> manager.show(id), () -> manager.verify(id),
                () -> manager.delete(id), () -> manager.openForRestore(id),
                () -> manager.restoreAsCheckpoint(id, checkpoints));
        for (Executable operation : operations) {
            assertThatThrownBy(operation::execute).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid savepoint id").hasMessageNotContaining("\n");
        }
        assertIntact(before);
    }

    @Test
    void anUnknownIdSaysWhereItLooked() throws IOException {
        List<StoredObject> before = savepoints.list("");
        List<Executable> operations = List.of(() -> manager.show(UNKNOWN), () -> manager.verify(UNKNOWN),
                () -> manager.delete(UNKNOWN), () -> manager.openForRestore(UNKNOWN),
                () -> manager.restoreAsCheckpoint(UNKNOWN, checkpoints));
        for (Executable operation : operations) {
            assertThatThrownBy(operation::execute).isInstanceOf(SavepointNotFoundException.class)
                    .hasMessage("no savepoint " + UNKNOWN + " in " + savepoints.location()
                            + "; run 'sabot savepoint list' to see the savepoints there");
        }
        assertIntact(before);
        assertThat(checkpoints.list("")).extracting(StoredObject::key).allMatch(k -> k.startsWith("chk-1/"));
    }

    @Test
    void aMissingDirectoryIsOneClearError() {
        Path missing = dir.resolve("no-such-dir");
        assertThatThrownBy(() -> FsSavepointStore.open(missing)).isInstanceOf(StoreException.class)
                .hasMessage("savepoint directory " + missing + " does not exist; create it (mkdir -p " + missing
                        + ") or check the path");
    }

    @Test
    void aReadOnlyDirectoryFailsTheCreationClearlyAndKeepsWhatIsStored() throws Exception {
        Path root = dir.resolve("sp");
        List<StoredObject> before = savepoints.list("");
        boolean immutable = makeReadOnly(root);
        try {
            assertThatThrownBy(() -> manager.createFromLatestCheckpoint(checkpoints, "on a read-only disk"))
                    .isInstanceOf(SavepointException.class)
                    .hasMessageStartingWith("cannot create a savepoint from checkpoint chk-1 in "
                            + checkpoints.location() + ": ")
                    .hasMessageNotContaining("\n");
        } finally {
            makeWritable(root, immutable);
        }
        assertIntact(before);
    }

    /** Makes a directory unwritable: by permissions, or - for root, whom permissions do not stop - chattr +i. */
    private static boolean makeReadOnly(Path root) throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!writable(root)) {
            return false;
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean done = run("chattr", "+i", root.toString()) && !writable(root);
        if (!done) {
            run("chattr", "-i", root.toString());
        }
        assumeTrue(done, "cannot make a directory read-only here (root without chattr)");
        return true;
    }

    private static void makeWritable(Path root, boolean immutable) throws Exception {
        if (immutable) {
            run("chattr", "-i", root.toString());
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean writable(Path root) {
        Path probe = root.resolve("probe");
        try {
            Files.createDirectory(probe);
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
