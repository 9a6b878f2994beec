package io.sabot.savepoint.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour particular to the filesystem store: hard links, temporary files, containment, and directory errors. */
class FsSavepointStoreTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void copyIsAHardLinkSharingTheSourceInode() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        store.put("chk-1/agent-a/state", bytes("state"), PutMode.OVERWRITE);

        assertThat(store.copy("chk-1/agent-a/state", "sp-1/agent-a/state")).isEqualTo(CopyMethod.HARD_LINK);

        Path source = dir.resolve("chk-1/agent-a/state");
        Path target = dir.resolve("sp-1/agent-a/state");
        assertThat(Files.isSameFile(source, target)).isTrue();
        assertThat(Files.getAttribute(target, "unix:nlink")).isEqualTo(2);
    }

    @Test
    void copyFromAnotherFsStoreOnTheSameFilesystemIsAHardLink() throws IOException {
        FsSavepointStore checkpoints = FsSavepointStore.open(Files.createDirectory(dir.resolve("checkpoints")));
        FsSavepointStore savepoints = FsSavepointStore.open(Files.createDirectory(dir.resolve("savepoints")));
        checkpoints.put("chk-4/a", bytes("abc"), PutMode.OVERWRITE);

        assertThat(savepoints.copyFrom(checkpoints, "chk-4/a", "sp-1/a")).isEqualTo(CopyMethod.HARD_LINK);
        assertThat(Files.isSameFile(dir.resolve("checkpoints/chk-4/a"), dir.resolve("savepoints/sp-1/a"))).isTrue();
    }

    @Test
    void copyFromAnotherFilesystemFallsBackToAByteCopy() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm to act as a second filesystem");
        Path other = Files.createTempDirectory(shm, "sabot-fs-test-");
        try {
            assumeTrue(!Files.getFileStore(other).equals(Files.getFileStore(dir)), "/dev/shm is the same filesystem");
            FsSavepointStore remote = FsSavepointStore.open(other);
            FsSavepointStore local = FsSavepointStore.open(dir);
            remote.put("chk-1/a", bytes("far away"), PutMode.OVERWRITE);

            assertThat(local.copyFrom(remote, "chk-1/a", "sp-1/a")).isEqualTo(CopyMethod.STREAM);
            assertThat(local.read("sp-1/a")).isEqualTo(bytes("far away"));
            assertThat(local.list("")).extracting(StoredObject::key).containsExactly("sp-1/a");
        } finally {
            try (Stream<Path> files = Files.walk(other)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void copyFromAnotherKindOfStoreStreamsTheBytes() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        SavepointStore foreign = new ForeignStore(FsSavepointStore.open(Files.createDirectory(dir.resolve("x"))));
        foreign.put("k", bytes("foreign"), PutMode.OVERWRITE);

        assertThat(store.copyFrom(foreign, "k", "copied")).isEqualTo(CopyMethod.STREAM);
        assertThat(store.read("copied")).isEqualTo(bytes("foreign"));
    }

    @Test
    void temporaryFilesAreNeverListedAndCanBeCleanedUp() throws IOException {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        FsSavepointStore store = FsSavepointStore.builder(dir).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        store.put("sp-1/agent-a/state", bytes("kept"), PutMode.OVERWRITE);
        Path oldLeftover = Files.write(dir.resolve("sp-1/agent-a/" + FsSavepointStore.TEMP_PREFIX + "123-state"),
                bytes("half"));
        Path onlyTemp = Files.createDirectories(dir.resolve("sp-2"));
        Path oldInOwnDir = Files.write(onlyTemp.resolve(FsSavepointStore.TEMP_PREFIX + "456"), bytes("half"));
        Path fresh = Files.write(dir.resolve(FsSavepointStore.TEMP_PREFIX + "789"), bytes("in progress"));
        Files.setLastModifiedTime(oldLeftover, FileTime.from(now.minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(oldInOwnDir, FileTime.from(now.minus(Duration.ofHours(3))));
        Files.setLastModifiedTime(fresh, FileTime.from(now.minus(Duration.ofMinutes(5))));

        assertThat(store.list("")).extracting(StoredObject::key).containsExactly("sp-1/agent-a/state");
        assertThat(store.listChildren("")).containsExactly("sp-1");
        assertThat(store.listChildren("sp-1/agent-a/")).isEmpty();

        assertThat(store.deleteTempFiles(Duration.ofHours(1))).isEqualTo(2);
        assertThat(oldLeftover).doesNotExist();
        assertThat(oldInOwnDir).doesNotExist();
        assertThat(fresh).exists();
        assertThat(store.deleteTempFiles(Duration.ZERO)).isEqualTo(1);
        assertThat(fresh).doesNotExist();
        assertThat(store.read("sp-1/agent-a/state")).isEqualTo(bytes("kept"));
    }

    @Test
    void aFailedPutLeavesNoTemporaryFile() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        assertThatThrownBy(() -> store.put("sp-1/a", new ByteArrayInputStream(bytes("abc")), 10, PutMode.OVERWRITE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("ended after 3 of the 10 bytes");
        assertThatThrownBy(() -> store.put("sp-1/a", new ByteArrayInputStream(bytes("abcdef")), 2, PutMode.OVERWRITE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("longer than the 2 bytes");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void keysCannotNameTemporaryFiles() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        assertThatThrownBy(() -> store.put("sp-1/" + FsSavepointStore.TEMP_PREFIX + "x", bytes("x"), PutMode.OVERWRITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void keysCannotEscapeTheRoot() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        FsSavepointStore store = FsSavepointStore.open(root);
        for (String key : List.of("../outside", "a/../../outside", "/etc/passwd", "..", "a/./b")) {
            assertThatThrownBy(() -> store.put(key, bytes("x"), PutMode.OVERWRITE)).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(root);
        }
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingDirectoryIsReportedOrCreatedOnRequest() throws IOException {
        Path missing = dir.resolve("no/such/dir");
        assertThatThrownBy(() -> FsSavepointStore.open(missing))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();

        FsSavepointStore store = FsSavepointStore.builder(missing).createDirectory(true).build();
        assertThat(missing).isDirectory();
        assertThat(store.root()).isEqualTo(missing.toRealPath());
        assertThat(store.location()).isEqualTo(missing.toRealPath().toUri());
        assertThat(store.toString()).contains(missing.toString());
    }

    @Test
    void aFileIsNotAStoreDirectory() throws IOException {
        Path file = Files.write(dir.resolve("file"), bytes("x"));
        assertThatThrownBy(() -> FsSavepointStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsReported() throws IOException {
        Path file = Files.write(dir.resolve("file"), bytes("x"));
        assertThatThrownBy(() -> FsSavepointStore.builder(file.resolve("sub")).createDirectory(true).build())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create the savepoint directory");
    }

    @Test
    void aReadOnlyDirectoryGivesAClearErrorAndKeepsWhatIsStored() throws Exception {
        FsSavepointStore store = FsSavepointStore.open(dir);
        store.put("sp-1/_metadata.json", bytes("{}"), PutMode.CREATE_IF_ABSENT);
        Path spDir = dir.resolve("sp-1");
        boolean immutable = makeReadOnly(spDir);
        try {
            assertThatThrownBy(() -> store.put("sp-1/new", bytes("x"), PutMode.OVERWRITE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot write 'sp-1/new'")
                    .hasMessageContaining(dir.toRealPath().toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThatThrownBy(() -> store.delete("sp-1/_metadata.json"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot delete");
            assertThat(store.read("sp-1/_metadata.json")).isEqualTo(bytes("{}"));
            assertThat(store.list("")).extracting(StoredObject::key).containsExactly("sp-1/_metadata.json");
        } finally {
            makeWritable(spDir, immutable);
        }
    }

    /** Makes a directory read-only even for root (who ignores permission bits) by the immutable attribute. */
    private static boolean makeReadOnly(Path directory) throws Exception {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!canCreateIn(directory)) {
            return false;
        }
        assumeTrue(run("chattr", "+i", directory.toString()), "running as root and chattr +i is unavailable");
        assumeTrue(!canCreateIn(directory), "cannot make a directory read-only here");
        return true;
    }

    private static void makeWritable(Path directory, boolean immutable) throws Exception {
        if (immutable) {
            run("chattr", "-i", directory.toString());
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean canCreateIn(Path directory) {
        Path probe = directory.resolve("probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aFileInTheWayOfADirectoryIsAClearError() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        store.put("sp-1", bytes("a file"), PutMode.OVERWRITE);
        assertThatThrownBy(() -> store.put("sp-1/state", bytes("x"), PutMode.OVERWRITE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot write 'sp-1/state'");
        assertThat(store.read("sp-1")).isEqualTo(bytes("a file"));
    }

    @Test
    void overwritingADirectoryIsRefused() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        store.put("sp-1/state", bytes("x"), PutMode.OVERWRITE);
        assertThatThrownBy(() -> store.put("sp-1", bytes("y"), PutMode.OVERWRITE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("directory");
        assertThat(store.read("sp-1/state")).isEqualTo(bytes("x"));
    }

    @Test
    void deletingTheLastObjectRemovesEmptiedDirectories() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        store.put("sp-1/agent-a/deep/state", bytes("x"), PutMode.OVERWRITE);
        store.put("sp-1/other", bytes("y"), PutMode.OVERWRITE);
        assertThat(store.delete("sp-1/agent-a/deep/state")).isTrue();
        assertThat(dir.resolve("sp-1/agent-a")).doesNotExist();
        assertThat(dir.resolve("sp-1")).isDirectory();
        assertThat(store.delete("sp-1/other")).isTrue();
        assertThat(dir.resolve("sp-1")).doesNotExist();
        assertThat(dir).isDirectory();
    }

    @Test
    void withoutFsyncTheStoreStillWorks() throws IOException {
        FsSavepointStore store = FsSavepointStore.builder(dir).fsync(false).build();
        store.put("a/b", bytes("x"), PutMode.CREATE_IF_ABSENT);
        store.copy("a/b", "c/d");
        assertThat(store.delete("a/b")).isTrue();
        assertThat(store.read("c/d")).isEqualTo(bytes("x"));
    }

    @Test
    void readingADirectoryIsAMissingKey() throws IOException {
        FsSavepointStore store = FsSavepointStore.open(dir);
        store.put("sp-1/state", bytes("x"), PutMode.OVERWRITE);
        try (InputStream in = store.open("sp-1/state")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("x"));
        }
        assertThat(store.stat("sp-1/state/below")).isEmpty();
        assertThat(store.list("sp-1/state/")).isEmpty();
        assertThat(store.listChildren("sp-1/state/")).isEmpty();
    }

    /** A store of another kind (wrapping a filesystem store), to exercise the streaming copy path. */
    private static final class ForeignStore extends io.sabot.api.savepoint.ForwardingSavepointStore {
        ForeignStore(SavepointStore delegate) {
            super(delegate);
        }

        @Override
        public java.net.URI location() {
            return java.net.URI.create("foreign:/x");
        }
    }
}
