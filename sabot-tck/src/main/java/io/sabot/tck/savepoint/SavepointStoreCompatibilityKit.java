package io.sabot.tck.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.KeyExistsException;
import io.sabot.api.savepoint.NoSuchKeyException;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoreKeys;
import io.sabot.api.savepoint.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SavepointStore} must have: one abstract JUnit 5 suite that each store's test class
 * extends, supplying a fresh, empty store through {@link #createStore()}. Differences between stores (how a copy is
 * made, whether a create-if-absent race is atomic on a test double) are expressed by overridable hooks and JUnit
 * assumptions, never by separate suites, so every store runs the same tests.
 *
 * <p>What it checks: put, open, read and stat; {@link PutMode#OVERWRITE} against {@link PutMode#CREATE_IF_ABSENT};
 * all-or-nothing puts when the stream is shorter or longer than declared or fails; listing by prefix with more keys
 * than one S3 page ({@value #DEFAULT_MANY_KEYS} by default), in lexicographic order; {@code listChildren}; delete;
 * copy within a store and from another store; large objects ({@value #DEFAULT_LARGE_OBJECT_BYTES} bytes by
 * default, above a multipart part); missing keys; awkward key characters; invalid keys rejected before the store is
 * touched; concurrent writers of distinct keys and concurrent creators of one key.
 *
 * <p>{@code listChildren} is checked as the "directories" below a prefix: segments that have at least one object
 * below them. An object directly at the prefix level is not a child.
 *
 * <p>Thread-safety: a JUnit test instance; not shared between threads except where a test starts its own.
 */
public abstract class SavepointStoreCompatibilityKit {

    /** The default size of the large-object tests, in bytes (20 MiB). */
    public static final int DEFAULT_LARGE_OBJECT_BYTES = 20 * 1024 * 1024;

    /** The default number of keys in the many-keys listing test: more than one S3 listing page of 1,000. */
    public static final int DEFAULT_MANY_KEYS = 1_500;

    /** Keys with characters that stores must carry unchanged. */
    private static final List<String> AWKWARD_KEYS = List.of(
            "awkward/with space/file name.bin",
            "awkward/plus+sign",
            "awkward/percent%20literal%",
            "awkward/equals=sign&amp",
            "awkward/hash#tag",
            "awkward/question?mark",
            "awkward/tilde~home",
            "awkward/unicode/\u00fcn\u00efc\u00f6d\u00e9-\u65e5\u672c\u8a9e",
            "awkward/emoji-\ud83d\ude00",
            "awkward/semi;colon,comma@at!bang$dollar'quote(paren)",
            "awkward/star*and[brackets]",
            "awkward/.hidden-but-valid",
            "awkward/...three-dots");

    /** Keys that {@link StoreKeys} rejects. */
    private static final List<String> INVALID_KEYS = List.of(
            "", "/absolute", "trailing/", "a//b", "..", "a/../b", "./a", "a/.", "../escape", "back\\slash",
            "control\u0001char", "x".repeat(StoreKeys.MAX_LENGTH + 1));

    private static final Duration CONCURRENCY_TIMEOUT = Duration.ofMinutes(2);

    /** The store under test, fresh and empty for each test. */
    protected SavepointStore store;

    private final List<SavepointStore> extraStores = new ArrayList<>();

    /**
     * Creates a fresh, empty store. Called once before each test and again by tests that need a second store; each
     * call must return a store that shares no objects with any other returned.
     *
     * @return a new empty store
     * @throws Exception if it cannot be created
     */
    protected abstract SavepointStore createStore() throws Exception;

    /**
     * The size of the large-object tests. Override to test bigger objects (for example several multipart parts).
     *
     * @return bytes; {@value #DEFAULT_LARGE_OBJECT_BYTES} by default
     */
    protected int largeObjectBytes() {
        return DEFAULT_LARGE_OBJECT_BYTES;
    }

    /**
     * How many keys the many-keys listing test writes.
     *
     * @return a count; {@value #DEFAULT_MANY_KEYS} by default
     */
    protected int manyKeys() {
        return DEFAULT_MANY_KEYS;
    }

    /**
     * How {@link SavepointStore#copy(String, String)} is expected to copy, or empty to accept any method.
     *
     * @return the expected method; empty by default
     */
    protected Optional<CopyMethod> expectedCopyMethod() {
        return Optional.empty();
    }

    /**
     * How {@link SavepointStore#copyFrom(SavepointStore, String, String)} is expected to copy between two stores from
     * {@link #createStore()}, or empty to accept any method.
     *
     * @return the expected method; empty by default
     */
    protected Optional<CopyMethod> expectedCopyFromMethod() {
        return Optional.empty();
    }

    /**
     * Whether concurrent {@link PutMode#CREATE_IF_ABSENT} puts of one key are atomic in this test set-up. A store
     * must be atomic against its real backend; a subclass that runs against a test double known to check and write
     * in two steps may return false, which skips only the race test (the sequential create-if-absent tests still run).
     *
     * @return true by default
     */
    protected boolean createIfAbsentIsAtomic() {
        return true;
    }

    /** Opens the store under test. @throws Exception if {@link #createStore()} fails */
    @BeforeEach
    public final void openStore() throws Exception {
        store = createStore();
    }

    /** Closes every store opened for the test. */
    @AfterEach
    public final void closeStores() {
        for (SavepointStore s : extraStores) {
            s.close();
        }
        extraStores.clear();
        if (store != null) {
            store.close();
        }
    }

    /**
     * Opens a further fresh store, closed after the test.
     *
     * @return a new empty store
     * @throws Exception if {@link #createStore()} fails
     */
    protected final SavepointStore anotherStore() throws Exception {
        SavepointStore other = createStore();
        extraStores.add(other);
        return other;
    }

    // ---------------------------------------------------------------- basics

    @Test
    public void aNewStoreIsEmpty() throws IOException {
        assertThat(store.list("")).isEmpty();
        assertThat(store.listChildren("")).isEmpty();
        assertThat(store.location()).isNotNull();
        assertThat(store.location().getRawUserInfo()).isNull();
    }

    @Test
    public void putThenReadReturnsTheSameBytes() throws IOException {
        byte[] data = bytes("hello, savepoints");
        Instant before = Instant.now().minusSeconds(120);
        store.put("sp-1/agent-a/state.bin", data, PutMode.OVERWRITE);

        assertThat(store.read("sp-1/agent-a/state.bin")).isEqualTo(data);
        try (InputStream in = store.open("sp-1/agent-a/state.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(store.readTo("sp-1/agent-a/state.bin", out)).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);

        StoredObject stat = store.stat("sp-1/agent-a/state.bin").orElseThrow();
        assertThat(stat.key()).isEqualTo("sp-1/agent-a/state.bin");
        assertThat(stat.size()).isEqualTo(data.length);
        assertThat(stat.lastModified()).isAfter(before).isBefore(Instant.now().plusSeconds(120));
    }

    @Test
    public void anEmptyObjectCanBeStored() throws IOException {
        store.put("empty", new byte[0], PutMode.CREATE_IF_ABSENT);
        assertThat(store.read("empty")).isEmpty();
        assertThat(store.stat("empty").orElseThrow().size()).isZero();
        assertThat(store.list("")).extracting(StoredObject::key).containsExactly("empty");
    }

    @Test
    public void putFromAFileStoresItsContent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path file = dir.resolve("upload.bin");
        byte[] data = pattern(70_000);
        java.nio.file.Files.write(file, data);
        store.put("from-file", file, PutMode.OVERWRITE);
        assertThat(store.read("from-file")).isEqualTo(data);
    }

    @Test
    public void overwriteReplacesTheContent() throws IOException {
        store.put("k", bytes("first"), PutMode.OVERWRITE);
        store.put("k", bytes("second, longer"), PutMode.OVERWRITE);
        assertThat(store.read("k")).isEqualTo(bytes("second, longer"));
        assertThat(store.stat("k").orElseThrow().size()).isEqualTo(14);
        assertThat(store.list("")).hasSize(1);
    }

    @Test
    public void createIfAbsentWritesOnceAndThenRefuses() throws IOException {
        store.put("sp-1/_metadata.json", bytes("{\"v\":1}"), PutMode.CREATE_IF_ABSENT);

        assertThatThrownBy(() -> store.put("sp-1/_metadata.json", bytes("{\"v\":2}"), PutMode.CREATE_IF_ABSENT))
                .isInstanceOf(KeyExistsException.class)
                .hasMessageContaining("sp-1/_metadata.json");

        assertThat(store.read("sp-1/_metadata.json")).isEqualTo(bytes("{\"v\":1}"));
        assertThat(store.list("sp-1/")).hasSize(1);
    }

    @Test
    public void createIfAbsentSucceedsAgainAfterDelete() throws IOException {
        store.put("k", bytes("one"), PutMode.CREATE_IF_ABSENT);
        assertThat(store.delete("k")).isTrue();
        store.put("k", bytes("two"), PutMode.CREATE_IF_ABSENT);
        assertThat(store.read("k")).isEqualTo(bytes("two"));
    }

    @Test
    public void createIfAbsentRefusesALargeObjectOverAnExistingKey() throws IOException {
        store.put("big", bytes("original"), PutMode.OVERWRITE);
        int size = largeObjectBytes();
        assertThatThrownBy(() -> store.put("big", new PatternInputStream(size), size, PutMode.CREATE_IF_ABSENT))
                .isInstanceOf(KeyExistsException.class);
        assertThat(store.read("big")).isEqualTo(bytes("original"));
    }

    // ---------------------------------------------------------------- all-or-nothing puts

    @Test
    public void aStreamShorterThanDeclaredFailsAndLeavesNothing() {
        assertThatThrownBy(() -> store.put("short", new ByteArrayInputStream(pattern(10)), 20, PutMode.OVERWRITE))
                .isInstanceOf(IOException.class);
        assertNothingUnder("short");
    }

    @Test
    public void aStreamLongerThanDeclaredFailsAndLeavesNothing() {
        assertThatThrownBy(() -> store.put("long", new ByteArrayInputStream(pattern(30)), 20, PutMode.OVERWRITE))
                .isInstanceOf(IOException.class);
        assertNothingUnder("long");
    }

    @Test
    public void aCreateIfAbsentWithAWrongLengthFailsAndLeavesNothing() {
        assertThatThrownBy(() -> store.put("meta", new ByteArrayInputStream(pattern(5)), 6, PutMode.CREATE_IF_ABSENT))
                .isInstanceOf(IOException.class);
        assertNothingUnder("meta");
    }

    @Test
    public void aLargeStreamShorterThanDeclaredFailsAndLeavesNothing() {
        int size = largeObjectBytes();
        assertThatThrownBy(() -> store.put("big-short", new PatternInputStream(size - 1), size, PutMode.OVERWRITE))
                .isInstanceOf(IOException.class);
        assertNothingUnder("big-short");
    }

    @Test
    public void aLargeStreamLongerThanDeclaredFailsAndLeavesNothing() {
        int size = largeObjectBytes();
        assertThatThrownBy(() -> store.put("big-long", new PatternInputStream(size + 1), size, PutMode.OVERWRITE))
                .isInstanceOf(IOException.class);
        assertNothingUnder("big-long");
    }

    @Test
    public void aStreamThatFailsMidwayLeavesNothing() {
        int size = largeObjectBytes();
        InputStream failing = new PatternInputStream(size) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() > size / 2) {
                    throw new IOException("disk on fire (test)");
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> store.put("broken", failing, size, PutMode.OVERWRITE))
                .isInstanceOf(IOException.class);
        assertNothingUnder("broken");
    }

    @Test
    public void aFailedOverwriteKeepsThePreviousContent() throws IOException {
        store.put("keep", bytes("precious"), PutMode.OVERWRITE);
        assertThatThrownBy(() -> store.put("keep", new ByteArrayInputStream(pattern(3)), 4, PutMode.OVERWRITE))
                .isInstanceOf(IOException.class);
        assertThat(store.read("keep")).isEqualTo(bytes("precious"));
    }

    @Test
    public void aNegativeLengthIsRejected() {
        assertThatThrownBy(() -> store.put("neg", new ByteArrayInputStream(new byte[0]), -1, PutMode.OVERWRITE))
                .isInstanceOf(IllegalArgumentException.class);
        assertNothingUnder("neg");
    }

    // ---------------------------------------------------------------- listing

    @Test
    public void listByPrefixReturnsManyKeysInLexicographicOrder() throws Exception {
        int count = manyKeys();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(String.format("many/k-%05d", i));
        }
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(42));
        runInParallel(4, shuffled, key -> store.put(key, bytes(key), PutMode.OVERWRITE));
        store.put("many-not-this/x", bytes("x"), PutMode.OVERWRITE);
        store.put("manyz", bytes("z"), PutMode.OVERWRITE);
        store.put("other/y", bytes("y"), PutMode.OVERWRITE);

        List<StoredObject> listed = store.list("many/");
        assertThat(listed).extracting(StoredObject::key).containsExactlyElementsOf(expected);
        assertThat(listed).allSatisfy(o -> assertThat(o.size()).isEqualTo(bytes(o.key()).length));

        assertThat(store.list("many/k-014")).extracting(StoredObject::key)
                .containsExactlyElementsOf(expected.stream().filter(k -> k.startsWith("many/k-014")).toList());
        List<String> all = store.list("").stream().map(StoredObject::key).toList();
        assertThat(all).hasSize(count + 3).isSorted();
        assertThat(store.list("many")).hasSize(count + 2);
        assertThat(store.listChildren("")).containsExactly("many", "many-not-this", "other");
    }

    @Test
    public void listReturnsSortedKeysAcrossDirectories() throws IOException {
        for (String key : List.of("b/2", "a/z", "a/b/c", "b/1", "a/a", "c")) {
            store.put(key, bytes(key), PutMode.OVERWRITE);
        }
        assertThat(store.list("")).extracting(StoredObject::key)
                .containsExactly("a/a", "a/b/c", "a/z", "b/1", "b/2", "c");
        assertThat(store.list("a/")).extracting(StoredObject::key).containsExactly("a/a", "a/b/c", "a/z");
        assertThat(store.list("a/b")).extracting(StoredObject::key).containsExactly("a/b/c");
        assertThat(store.list("nothing/")).isEmpty();
        assertThat(store.list("c")).extracting(StoredObject::key).containsExactly("c");
    }

    @Test
    public void listChildrenReturnsTheDirectoriesBelowAPrefix() throws IOException {
        store.put("sp-2/agent-a/state", bytes("a"), PutMode.OVERWRITE);
        store.put("sp-1/_metadata.json", bytes("m"), PutMode.OVERWRITE);
        store.put("sp-1/agent-a/state", bytes("a"), PutMode.OVERWRITE);
        store.put("sp-1/agent-b/deep/state", bytes("b"), PutMode.OVERWRITE);
        store.put("loose-file", bytes("f"), PutMode.OVERWRITE);

        assertThat(store.listChildren("")).containsExactly("sp-1", "sp-2");
        assertThat(store.listChildren("sp-1/")).containsExactly("agent-a", "agent-b");
        assertThat(store.listChildren("sp-1/agent-b/")).containsExactly("deep");
        assertThat(store.listChildren("sp-1/agent-a/")).isEmpty();
        assertThat(store.listChildren("missing/")).isEmpty();
    }

    @Test
    public void listChildrenForgetsDirectoriesWhoseObjectsWereDeleted() throws IOException {
        store.put("gone/a/1", bytes("1"), PutMode.OVERWRITE);
        store.put("kept/a/1", bytes("1"), PutMode.OVERWRITE);
        assertThat(store.delete("gone/a/1")).isTrue();
        assertThat(store.listChildren("")).containsExactly("kept");
        assertThat(store.list("gone/")).isEmpty();
        store.put("gone/a/2", bytes("2"), PutMode.CREATE_IF_ABSENT);
        assertThat(store.listChildren("")).containsExactly("gone", "kept");
    }

    @Test
    public void listChildrenRejectsAPrefixWithoutTrailingSlash() {
        assertThatThrownBy(() -> store.listChildren("sp-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.listChildren("../")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- delete

    @Test
    public void deleteReportsWhetherTheObjectExisted() throws IOException {
        store.put("sp-1/a", bytes("a"), PutMode.OVERWRITE);
        store.put("sp-1/b", bytes("b"), PutMode.OVERWRITE);

        assertThat(store.delete("sp-1/a")).isTrue();
        assertThat(store.delete("sp-1/a")).isFalse();
        assertThat(store.delete("never/there")).isFalse();
        assertThat(store.stat("sp-1/a")).isEmpty();
        assertThatThrownBy(() -> store.open("sp-1/a")).isInstanceOf(NoSuchKeyException.class);
        assertThat(store.list("")).extracting(StoredObject::key).containsExactly("sp-1/b");
    }

    @Test
    public void deleteOfAPrefixIsNotARecursiveDelete() throws IOException {
        store.put("dir/file", bytes("a"), PutMode.OVERWRITE);
        assertThat(store.delete("dir")).isFalse();
        assertThat(store.read("dir/file")).isEqualTo(bytes("a"));
    }

    // ---------------------------------------------------------------- copy

    @Test
    public void copyWithinTheStoreDuplicatesTheObject() throws IOException {
        byte[] data = pattern(100_000);
        store.put("chk-7/agent-a/state", data, PutMode.OVERWRITE);

        CopyMethod method = store.copy("chk-7/agent-a/state", "sp-1/agent-a/state");

        expectedCopyMethod().ifPresent(expected -> assertThat(method).isEqualTo(expected));
        assertThat(store.read("sp-1/agent-a/state")).isEqualTo(data);
        assertThat(store.read("chk-7/agent-a/state")).isEqualTo(data);
        assertThat(store.stat("sp-1/agent-a/state").orElseThrow().size()).isEqualTo(data.length);
    }

    @Test
    public void aCopyIsIndependentOfLaterChangesToTheSource() throws IOException {
        store.put("src", bytes("version 1"), PutMode.OVERWRITE);
        store.copy("src", "dst");
        store.put("src", bytes("version 2"), PutMode.OVERWRITE);
        assertThat(store.read("dst")).isEqualTo(bytes("version 1"));
        assertThat(store.delete("src")).isTrue();
        assertThat(store.read("dst")).isEqualTo(bytes("version 1"));
    }

    @Test
    public void copyOverwritesAnExistingTarget() throws IOException {
        store.put("src", bytes("new"), PutMode.OVERWRITE);
        store.put("dst", bytes("old content"), PutMode.OVERWRITE);
        store.copy("src", "dst");
        assertThat(store.read("dst")).isEqualTo(bytes("new"));
    }

    @Test
    public void copyOntoItselfKeepsTheObject() throws IOException {
        store.put("same", bytes("content"), PutMode.OVERWRITE);
        store.copy("same", "same");
        assertThat(store.read("same")).isEqualTo(bytes("content"));
        assertThat(store.list("")).hasSize(1);
    }

    @Test
    public void copyOfAMissingSourceFailsAndCreatesNothing() {
        assertThatThrownBy(() -> store.copy("missing", "target"))
                .isInstanceOf(NoSuchKeyException.class)
                .hasMessageContaining("missing");
        assertNothingUnder("target");
    }

    @Test
    public void copyFromAnotherStoreDuplicatesTheObject() throws Exception {
        SavepointStore source = anotherStore();
        byte[] data = pattern(123_457);
        source.put("chk-3/agent-a/state", data, PutMode.OVERWRITE);

        CopyMethod method = store.copyFrom(source, "chk-3/agent-a/state", "sp-9/agent-a/state");

        expectedCopyFromMethod().ifPresent(expected -> assertThat(method).isEqualTo(expected));
        assertThat(store.read("sp-9/agent-a/state")).isEqualTo(data);
        assertThat(source.read("chk-3/agent-a/state")).isEqualTo(data);
        assertThat(source.list("")).hasSize(1);
        source.put("chk-3/agent-a/state", bytes("changed"), PutMode.OVERWRITE);
        assertThat(store.read("sp-9/agent-a/state")).isEqualTo(data);
    }

    @Test
    public void copyFromAnotherStoreOfAMissingKeyFails() throws Exception {
        SavepointStore source = anotherStore();
        assertThatThrownBy(() -> store.copyFrom(source, "missing", "target"))
                .isInstanceOf(NoSuchKeyException.class);
        assertNothingUnder("target");
    }

    @Test
    public void copyFromItselfIsACopy() throws IOException {
        store.put("a", bytes("x"), PutMode.OVERWRITE);
        store.copyFrom(store, "a", "b");
        assertThat(store.read("b")).isEqualTo(bytes("x"));
    }

    // ---------------------------------------------------------------- large objects

    @Test
    public void aLargeObjectSurvivesPutReadCopyAndCopyFrom() throws Exception {
        int size = largeObjectBytes();
        long expectedCrc = PatternInputStream.crcOf(size);

        store.put("large/state.bin", new PatternInputStream(size), size, PutMode.CREATE_IF_ABSENT);
        assertThat(store.stat("large/state.bin").orElseThrow().size()).isEqualTo(size);
        assertThat(crcOf(store, "large/state.bin")).isEqualTo(expectedCrc);

        store.copy("large/state.bin", "large/copy.bin");
        assertThat(crcOf(store, "large/copy.bin")).isEqualTo(expectedCrc);

        SavepointStore other = anotherStore();
        other.copyFrom(store, "large/state.bin", "imported.bin");
        assertThat(other.stat("imported.bin").orElseThrow().size()).isEqualTo(size);
        assertThat(crcOf(other, "imported.bin")).isEqualTo(expectedCrc);
    }

    @Test
    public void aLargeObjectCanBeOverwritten() throws IOException {
        int size = largeObjectBytes();
        store.put("large", bytes("small first"), PutMode.OVERWRITE);
        store.put("large", new PatternInputStream(size), size, PutMode.OVERWRITE);
        assertThat(crcOf(store, "large")).isEqualTo(PatternInputStream.crcOf(size));
    }

    // ---------------------------------------------------------------- missing keys

    @Test
    public void missingKeysAreReportedClearly() throws IOException {
        assertThatThrownBy(() -> store.open("nope/state")).isInstanceOf(NoSuchKeyException.class)
                .hasMessageContaining("nope/state");
        assertThatThrownBy(() -> store.read("nope/state")).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> store.readTo("nope/state", new ByteArrayOutputStream()))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(store.stat("nope/state")).isEmpty();
        assertThat(store.delete("nope/state")).isFalse();
    }

    @Test
    public void aDirectoryLikePrefixIsNotAnObject() throws IOException {
        store.put("dir/file", bytes("a"), PutMode.OVERWRITE);
        assertThat(store.stat("dir")).isEmpty();
        assertThatThrownBy(() -> store.open("dir")).isInstanceOf(NoSuchKeyException.class);
    }

    // ---------------------------------------------------------------- key characters

    @Test
    public void awkwardKeyCharactersAreStoredListedAndCopiedUnchanged() throws IOException {
        for (String key : AWKWARD_KEYS) {
            store.put(key, bytes(key), PutMode.CREATE_IF_ABSENT);
        }
        for (String key : AWKWARD_KEYS) {
            assertThat(store.read(key)).as(key).isEqualTo(bytes(key));
            assertThat(store.stat(key)).as(key).map(StoredObject::key).contains(key);
        }
        assertThat(store.list("awkward/")).extracting(StoredObject::key)
                .containsExactlyElementsOf(new TreeSet<>(AWKWARD_KEYS));
        assertThat(store.listChildren("awkward/")).containsExactly("unicode", "with space");

        for (String key : AWKWARD_KEYS) {
            String target = "copied/" + key;
            store.copy(key, target);
            assertThat(store.read(target)).as(target).isEqualTo(bytes(key));
            assertThat(store.delete(key)).as(key).isTrue();
        }
        assertThat(store.list("awkward/")).isEmpty();
        assertThat(store.list("copied/")).hasSize(AWKWARD_KEYS.size());
    }

    @Test
    public void invalidKeysAreRejectedBeforeTheStoreIsTouched() throws IOException {
        store.put("valid", bytes("v"), PutMode.OVERWRITE);
        for (String key : INVALID_KEYS) {
            assertThatThrownBy(() -> store.put(key, bytes("x"), PutMode.OVERWRITE)).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.put(key, bytes("x"), PutMode.CREATE_IF_ABSENT)).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.stat(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.copy("valid", key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.copy(key, "valid2")).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.list("../")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list("/abs")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.list("")).extracting(StoredObject::key).containsExactly("valid");
        assertThat(store.read("valid")).isEqualTo(bytes("v"));
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    public void concurrentWritersOfDistinctKeysAreAllListed() throws Exception {
        int threads = 8;
        int perThread = 25;
        List<String> keys = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                keys.add(String.format("sp-%d/agent-%02d/state", t, i));
            }
        }
        runInParallel(threads, keys, key -> store.put(key, bytes(key), PutMode.CREATE_IF_ABSENT));

        assertThat(store.list("")).extracting(StoredObject::key).containsExactlyElementsOf(new TreeSet<>(keys));
        for (String key : keys) {
            assertThat(store.read(key)).isEqualTo(bytes(key));
        }
        assertThat(store.listChildren("")).hasSize(threads);
    }

    @Test
    public void concurrentCreatorsOfOneKeyHaveExactlyOneWinner() throws Exception {
        assumeTrue(createIfAbsentIsAtomic(), "create-if-absent is not atomic against this test backend");
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round + "/_metadata.json";
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte[] content = bytes("writer " + t + " of round " + round);
                attempts.add(() -> {
                    try {
                        store.put(key, content, PutMode.CREATE_IF_ABSENT);
                        return true;
                    } catch (KeyExistsException e) {
                        return false;
                    }
                });
            }
            List<Boolean> results = callAllAtOnce(attempts);
            List<Integer> winners = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                if (results.get(t)) {
                    winners.add(t);
                }
            }
            assertThat(winners).as("winners of round %d", round).hasSize(1);
            assertThat(store.read(key)).isEqualTo(bytes("writer " + winners.get(0) + " of round " + round));
        }
        assertThat(store.list("")).hasSize(5);
    }

    @Test
    public void concurrentOverwritesLeaveOneWholeVersion() throws Exception {
        int threads = 8;
        Set<String> versions = new TreeSet<>();
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String content = ("version " + t + " ").repeat(1000 + t);
            versions.add(content);
            writers.add(() -> {
                store.put("contended", bytes(content), PutMode.OVERWRITE);
                return true;
            });
        }
        callAllAtOnce(writers);
        assertThat(versions).contains(new String(store.read("contended"), StandardCharsets.UTF_8));
        assertThat(store.list("")).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    /** A task on one key that may throw. */
    @FunctionalInterface
    protected interface KeyTask {
        /**
         * Runs the task.
         *
         * @param key the key
         * @throws Exception on failure
         */
        void run(String key) throws Exception;
    }

    /**
     * Runs a task for every key on a pool of threads and waits for all of them, failing on the first error.
     *
     * @param threads how many threads
     * @param keys    the keys, split among the threads
     * @param task    what to do with each key
     * @throws Exception the first failure
     */
    protected static void runInParallel(int threads, List<String> keys, KeyTask task) throws Exception {
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            work.add(() -> {
                for (int i = first; i < keys.size(); i += threads) {
                    task.run(keys.get(i));
                }
                return true;
            });
        }
        callAllAtOnce(work);
    }

    private static <T> List<T> callAllAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(CONCURRENCY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get(CONCURRENCY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception) {
                        throw (Exception) e.getCause();
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertNothingUnder(String key) {
        try {
            assertThat(store.stat(key)).as("stat of %s after a failed put", key).isEmpty();
            assertThat(store.list("")).as("objects after a failed put of %s", key).isEmpty();
        } catch (IOException e) {
            throw new AssertionError("store failed while checking " + key, e);
        }
    }

    private static long crcOf(SavepointStore s, String key) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = s.open(key)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }

    /**
     * The UTF-8 bytes of a string.
     *
     * @param text the text
     * @return its bytes
     */
    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A deterministic, non-repeating-looking byte array.
     *
     * @param size bytes
     * @return the array
     */
    protected static byte[] pattern(int size) {
        try {
            return new PatternInputStream(size).readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
