package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins down the default methods of {@link SavepointStore}, through a tiny in-memory store. */
class SavepointStoreTest {

    private static final byte[] STATE = "agent state".getBytes(StandardCharsets.UTF_8);

    @Test
    void putBytesStoresThemWithTheirLength() throws IOException {
        MemoryStore store = new MemoryStore("mem://a");

        store.put("k", STATE, PutMode.OVERWRITE);

        assertThat(store.read("k")).isEqualTo(STATE);
        assertThat(store.puts).containsExactly("k:" + STATE.length + ":OVERWRITE");
    }

    @Test
    void putFileStreamsTheFileWithItsSize(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("state.bin"), STATE);
        MemoryStore store = new MemoryStore("mem://a");

        store.put("agents/detect.bin", file, PutMode.CREATE_IF_ABSENT);

        assertThat(store.read("agents/detect.bin")).isEqualTo(STATE);
        assertThat(store.puts).containsExactly("agents/detect.bin:" + STATE.length + ":CREATE_IF_ABSENT");
    }

    @Test
    void readToCopiesTheObjectAndReturnsItsLength() throws IOException {
        MemoryStore store = new MemoryStore("mem://a");
        store.put("k", STATE, PutMode.OVERWRITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long copied = store.readTo("k", out);

        assertThat(copied).isEqualTo(STATE.length);
        assertThat(out.toByteArray()).isEqualTo(STATE);
    }

    @Test
    void readOfAMissingKeyFailsWithNoSuchKey() {
        MemoryStore store = new MemoryStore("mem://a");

        assertThatThrownBy(() -> store.read("missing"))
                .isInstanceOf(NoSuchKeyException.class)
                .hasMessage("no object 'missing' in mem://a");
    }

    @Test
    void copyFromAnotherStoreStreamsThroughPut() throws IOException {
        MemoryStore source = new MemoryStore("mem://source");
        MemoryStore target = new MemoryStore("mem://target");
        source.put("chk-1/detect.bin", STATE, PutMode.OVERWRITE);

        CopyMethod method = target.copyFrom(source, "chk-1/detect.bin", "sp-1/detect.bin");

        assertThat(method).isEqualTo(CopyMethod.STREAM);
        assertThat(target.read("sp-1/detect.bin")).isEqualTo(STATE);
        assertThat(target.puts).containsExactly("sp-1/detect.bin:" + STATE.length + ":OVERWRITE");
        assertThat(target.copies).isEmpty();
    }

    @Test
    void copyFromAnotherStoreLeavesTheSourceUntouched() throws IOException {
        MemoryStore source = new MemoryStore("mem://source");
        MemoryStore target = new MemoryStore("mem://target");
        source.put("k", STATE, PutMode.OVERWRITE);

        target.copyFrom(source, "k", "k");

        assertThat(source.read("k")).isEqualTo(STATE);
        assertThat(source.openStreams).isZero();
    }

    @Test
    void copyFromTheSameStoreUsesItsOwnCopy() throws IOException {
        MemoryStore store = new MemoryStore("mem://a");
        store.put("chk-1/x", STATE, PutMode.OVERWRITE);

        CopyMethod method = store.copyFrom(store, "chk-1/x", "sp-1/x");

        assertThat(method).isEqualTo(CopyMethod.SERVER_SIDE);
        assertThat(store.copies).containsExactly("chk-1/x->sp-1/x");
        assertThat(store.read("sp-1/x")).isEqualTo(STATE);
    }

    @Test
    void copyFromAMissingSourceKeyFailsNamingTheSourceStore() {
        MemoryStore source = new MemoryStore("mem://source");
        MemoryStore target = new MemoryStore("mem://target");

        assertThatThrownBy(() -> target.copyFrom(source, "gone", "k"))
                .isInstanceOf(NoSuchKeyException.class)
                .hasMessage("no object 'gone' in mem://source");
        assertThat(target.puts).isEmpty();
    }

    @Test
    void closingAStoreDoesNothingByDefault() throws IOException {
        MemoryStore store = new MemoryStore("mem://a");
        store.put("k", STATE, PutMode.OVERWRITE);

        store.close();

        assertThat(store.read("k")).isEqualTo(STATE);
    }

    @Test
    void aForwardingStoreForwardsEveryCallAndOverridesOnlyWhatItChanges() throws IOException {
        MemoryStore memory = new MemoryStore("mem://a");
        List<String> deleted = new ArrayList<>();
        boolean[] closed = {false};
        SavepointStore forwarding = new ForwardingSavepointStore(new MemoryStoreCloseRecorder(memory, closed)) {
            @Override
            public boolean delete(String key) throws IOException {
                deleted.add(key);
                return super.delete(key);
            }
        };

        forwarding.put("a/x", STATE, PutMode.OVERWRITE);
        assertThat(forwarding.location()).isEqualTo(URI.create("mem://a"));
        assertThat(forwarding.read("a/x")).isEqualTo(STATE);
        assertThat(forwarding.stat("a/x")).hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(STATE.length));
        assertThat(forwarding.list("a/")).extracting(StoredObject::key).containsExactly("a/x");
        assertThat(forwarding.listChildren("")).containsExactly("a");
        assertThat(forwarding.copy("a/x", "a/y")).isEqualTo(CopyMethod.SERVER_SIDE);
        assertThat(forwarding.copyFrom(new MemoryStore("mem://b"), "none", "a/z"))
                .as("the delegate decides how to copy").isNotNull();
        assertThat(forwarding.delete("a/x")).isTrue();
        forwarding.close();

        assertThat(memory.objects).containsOnlyKeys("a/y", "a/z");
        assertThat(deleted).containsExactly("a/x");
        assertThat(closed[0]).isTrue();
    }

    /** Forwards to a memory store and records close, which a memory store ignores. */
    private static final class MemoryStoreCloseRecorder extends ForwardingSavepointStore {
        private final boolean[] closed;

        MemoryStoreCloseRecorder(SavepointStore delegate, boolean[] closed) {
            super(delegate);
            this.closed = closed;
        }

        @Override
        public CopyMethod copyFrom(SavepointStore source, String sourceKey, String targetKey) throws IOException {
            delegate().put(targetKey, new byte[0], PutMode.OVERWRITE);
            return CopyMethod.STREAM;
        }

        @Override
        public void close() {
            closed[0] = true;
            super.close();
        }
    }

    /** A minimal store: an ordered map of keys to bytes, recording what was asked of it. */
    private static final class MemoryStore implements SavepointStore {
        private final URI location;
        private final TreeMap<String, byte[]> objects = new TreeMap<>();
        private final List<String> puts = new ArrayList<>();
        private final List<String> copies = new ArrayList<>();
        private int openStreams;

        MemoryStore(String location) {
            this.location = URI.create(location);
        }

        @Override
        public URI location() {
            return location;
        }

        @Override
        public void put(String key, InputStream data, long length, PutMode mode) throws IOException {
            StoreKeys.requireValid(key);
            if (mode == PutMode.CREATE_IF_ABSENT && objects.containsKey(key)) {
                throw new KeyExistsException(location.toString(), key);
            }
            byte[] bytes = data.readAllBytes();
            if (bytes.length != length) {
                throw new StoreException("expected " + length + " bytes for '" + key + "', got " + bytes.length);
            }
            puts.add(key + ":" + length + ":" + mode);
            objects.put(key, bytes);
        }

        @Override
        public InputStream open(String key) throws IOException {
            byte[] bytes = objects.get(key);
            if (bytes == null) {
                throw new NoSuchKeyException(location.toString(), key);
            }
            openStreams++;
            return new ByteArrayInputStream(bytes) {
                @Override
                public void close() {
                    openStreams--;
                }
            };
        }

        @Override
        public Optional<StoredObject> stat(String key) {
            byte[] bytes = objects.get(key);
            return bytes == null ? Optional.empty() : Optional.of(new StoredObject(key, bytes.length, Instant.EPOCH));
        }

        @Override
        public List<StoredObject> list(String prefix) {
            return objects.tailMap(prefix).entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> new StoredObject(e.getKey(), e.getValue().length, Instant.EPOCH))
                    .collect(Collectors.toList());
        }

        @Override
        public List<String> listChildren(String prefix) {
            return list(prefix).stream().map(o -> o.key().substring(prefix.length()).split("/")[0]).distinct()
                    .collect(Collectors.toList());
        }

        @Override
        public boolean delete(String key) {
            return objects.remove(key) != null;
        }

        @Override
        public CopyMethod copy(String sourceKey, String targetKey) throws IOException {
            byte[] bytes = objects.get(sourceKey);
            if (bytes == null) {
                throw new NoSuchKeyException(location.toString(), sourceKey);
            }
            copies.add(sourceKey + "->" + targetKey);
            objects.put(targetKey, bytes.clone());
            return CopyMethod.SERVER_SIDE;
        }
    }
}
