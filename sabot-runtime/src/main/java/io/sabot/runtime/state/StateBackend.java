package io.sabot.runtime.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.Ids;
import io.sabot.api.state.MapState;
import io.sabot.api.state.StateCodec;
import io.sabot.api.state.ValueState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One agent's named states, held on the heap, with their snapshot to bytes and restore from bytes.
 *
 * <p>A handle is created the first time its name is asked for; asking again returns the same handle, and asking for
 * a name with another kind or codec fails. If the backend was {@link #restore(byte[]) restored}, a handle starts
 * with the restored content, decoded with the codec it is asked with. A restored state that this run never asks for
 * is carried over unchanged into later snapshots, so nothing stored is lost.
 *
 * <h2>Snapshot layout, version 1</h2>
 * Big-endian, as written by {@link DataOutputStream}:
 * <pre>
 * magic    4 bytes  "SBST"
 * version  u16      1
 * count    u32      number of states, then each state in name order:
 *   name   u16 length + UTF-8 bytes
 *   kind   u8       1 = value, 2 = map
 *   value: present u8 (0 or 1), then if present u32 length + the codec's bytes
 *   map:   entries u32, then per entry u32 length + key bytes, u32 length + value bytes
 * </pre>
 * The bytes inside are each state's {@link StateCodec} output (JSON for {@link JacksonStateCodec}).
 *
 * <p>Thread-safety: confined to the agent's thread, except {@link #lastSnapshotBytes()}, which any thread may read.
 */
public final class StateBackend {

    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = {'S', 'B', 'S', 'T'};
    private static final int KIND_VALUE = 1;
    private static final int KIND_MAP = 2;

    private final String agentId;
    private final ObjectMapper mapper;
    private final Map<String, Entry> states = new TreeMap<>();
    private final Map<String, Raw> restored = new TreeMap<>();
    private volatile long lastSnapshotBytes = -1;

    /**
     * Creates an empty backend.
     *
     * @param agentId the owning agent, for error messages
     * @param mapper  the mapper behind the JSON codecs of {@code Class}-typed states; not modified
     */
    public StateBackend(String agentId, ObjectMapper mapper) {
        this.agentId = Ids.requireValid("agent id", agentId);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * The value state of a name, with the JSON codec of {@code type}.
     *
     * @param name the state's name; a valid identifier
     * @param type the value's class
     * @param <T>  the value type
     * @return the handle
     */
    public <T> ValueState<T> valueState(String name, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return valueState(name, new JacksonStateCodec<>(mapper, type), type);
    }

    /**
     * The value state of a name, with an explicit codec.
     *
     * @param name  the state's name; a valid identifier
     * @param codec the codec
     * @param <T>   the value type
     * @return the handle
     */
    public <T> ValueState<T> valueState(String name, StateCodec<T> codec) {
        Objects.requireNonNull(codec, "codec");
        return valueState(name, codec, codec);
    }

    /**
     * The map state of a name, with the JSON codecs of its key and value types.
     *
     * @param name      the state's name; a valid identifier
     * @param keyType   the keys' class
     * @param valueType the values' class
     * @param <K>       the key type
     * @param <V>       the value type
     * @return the handle
     */
    public <K, V> MapState<K, V> mapState(String name, Class<K> keyType, Class<V> valueType) {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        return mapState(name, new JacksonStateCodec<>(mapper, keyType), new JacksonStateCodec<>(mapper, valueType),
                List.of(keyType, valueType));
    }

    /**
     * The map state of a name, with explicit codecs.
     *
     * @param name       the state's name; a valid identifier
     * @param keyCodec   the keys' codec
     * @param valueCodec the values' codec
     * @param <K>        the key type
     * @param <V>        the value type
     * @return the handle
     */
    public <K, V> MapState<K, V> mapState(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        Objects.requireNonNull(keyCodec, "keyCodec");
        Objects.requireNonNull(valueCodec, "valueCodec");
        return mapState(name, keyCodec, valueCodec, List.of(keyCodec, valueCodec));
    }

    @SuppressWarnings("unchecked")
    private <T> ValueState<T> valueState(String name, StateCodec<T> codec, Object signature) {
        Ids.requireValid("state name", name);
        Entry existing = states.get(name);
        if (existing != null) {
            check(existing, name, KIND_VALUE, signature);
            return (ValueState<T>) existing.handle;
        }
        HeapValueState<T> state = new HeapValueState<>(codec);
        Raw raw = restored.remove(name);
        if (raw != null) {
            requireKind(raw, name, KIND_VALUE);
            if (raw.value != null) {
                state.update(decode(codec, raw.value, name));
            }
        }
        states.put(name, new Entry(KIND_VALUE, signature, state));
        return state;
    }

    @SuppressWarnings("unchecked")
    private <K, V> MapState<K, V> mapState(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec,
                                           Object signature) {
        Ids.requireValid("state name", name);
        Entry existing = states.get(name);
        if (existing != null) {
            check(existing, name, KIND_MAP, signature);
            return (MapState<K, V>) existing.handle;
        }
        HeapMapState<K, V> state = new HeapMapState<>(keyCodec, valueCodec);
        Raw raw = restored.remove(name);
        if (raw != null) {
            requireKind(raw, name, KIND_MAP);
            for (int i = 0; i < raw.keys.size(); i++) {
                state.map().put(decode(keyCodec, raw.keys.get(i), name), decode(valueCodec, raw.values.get(i), name));
            }
        }
        states.put(name, new Entry(KIND_MAP, signature, state));
        return state;
    }

    private void check(Entry existing, String name, int kind, Object signature) {
        if (existing.kind != kind) {
            throw new IllegalArgumentException("agent '" + agentId + "': state '" + name + "' is already a "
                    + kindName(existing.kind) + " state; use another name for a " + kindName(kind) + " state");
        }
        if (!existing.signature.equals(signature)) {
            throw new IllegalArgumentException("agent '" + agentId + "': state '" + name
                    + "' was already declared with other types or codecs; declare each state once, before the loop");
        }
    }

    private void requireKind(Raw raw, String name, int kind) {
        if (raw.kind != kind) {
            throw new IllegalStateException("agent '" + agentId + "': restored state '" + name + "' is a "
                    + kindName(raw.kind) + " state but is now declared as a " + kindName(kind)
                    + " state; keep the kind of a state, or give the new one another name");
        }
    }

    private <T> T decode(StateCodec<T> codec, byte[] bytes, String name) {
        try {
            return codec.decode(bytes);
        } catch (RuntimeException e) {
            throw new IllegalStateException("agent '" + agentId + "': cannot restore state '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    private static String kindName(int kind) {
        return kind == KIND_VALUE ? "value" : "map";
    }

    /** {@return the names of the states declared in this run and of restored states not yet asked for, sorted} */
    public Set<String> stateNames() {
        Set<String> names = new TreeSet<>(states.keySet());
        names.addAll(restored.keySet());
        return Collections.unmodifiableSet(names);
    }

    /**
     * Encodes every state into the layout described above, and records its size.
     *
     * @return the snapshot's bytes
     * @throws IllegalArgumentException if a codec fails on a value
     */
    public byte[] snapshot() {
        Map<String, Object> all = new TreeMap<>();
        all.putAll(restored);
        for (Map.Entry<String, Entry> e : states.entrySet()) {
            all.put(e.getKey(), e.getValue().handle);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            out.writeInt(all.size());
            for (Map.Entry<String, Object> e : all.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                writeState(out, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] result = bytes.toByteArray();
        lastSnapshotBytes = result.length;
        return result;
    }

    private void writeState(DataOutputStream out, String name, Object state) throws IOException {
        if (state instanceof Raw) {
            Raw raw = (Raw) state;
            out.writeByte(raw.kind);
            if (raw.kind == KIND_VALUE) {
                writeOptional(out, raw.value);
            } else {
                out.writeInt(raw.keys.size());
                for (int i = 0; i < raw.keys.size(); i++) {
                    writeBytes(out, raw.keys.get(i));
                    writeBytes(out, raw.values.get(i));
                }
            }
        } else if (state instanceof HeapValueState) {
            out.writeByte(KIND_VALUE);
            writeOptional(out, encodeValue((HeapValueState<?>) state, name));
        } else {
            out.writeByte(KIND_MAP);
            writeMap(out, (HeapMapState<?, ?>) state, name);
        }
    }

    private <T> byte[] encodeValue(HeapValueState<T> state, String name) {
        T value = state.value();
        return value == null ? null : encode(state.codec(), value, name);
    }

    private <K, V> void writeMap(DataOutputStream out, HeapMapState<K, V> state, String name) throws IOException {
        out.writeInt(state.map().size());
        for (Map.Entry<K, V> e : state.map().entrySet()) {
            writeBytes(out, encode(state.keyCodec(), e.getKey(), name));
            writeBytes(out, encode(state.valueCodec(), e.getValue(), name));
        }
    }

    private <T> byte[] encode(StateCodec<T> codec, T value, String name) {
        try {
            return Objects.requireNonNull(codec.encode(value), "codec returned null");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("agent '" + agentId + "': cannot snapshot state '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    private static void writeOptional(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeBytes(out, value);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    /**
     * Loads a snapshot. Must be called before any handle is asked for; the states are decoded when their handles
     * are asked for.
     *
     * @param snapshot bytes written by {@link #snapshot()} (of this or an earlier version of the format)
     * @throws IllegalArgumentException if the bytes are not a valid snapshot
     * @throws IllegalStateException    if a handle was already created
     */
    public void restore(byte[] snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!states.isEmpty()) {
            throw new IllegalStateException("agent '" + agentId + "': state must be restored before any is used");
        }
        restored.clear();
        restored.putAll(parse(snapshot));
        lastSnapshotBytes = snapshot.length;
    }

    private Map<String, Raw> parse(byte[] snapshot) {
        Map<String, Raw> result = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw invalid("it does not start with the state snapshot magic 'SBST'");
            }
            int version = in.readUnsignedShort();
            if (version < 1 || version > FORMAT_VERSION) {
                throw invalid("its format version " + version + " is not supported (this Sabot reads 1 to "
                        + FORMAT_VERSION + ")");
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                byte[] nameBytes = new byte[in.readUnsignedShort()];
                in.readFully(nameBytes);
                String name = new String(nameBytes, StandardCharsets.UTF_8);
                int kind = in.readUnsignedByte();
                if (kind == KIND_VALUE) {
                    result.put(name, new Raw(KIND_VALUE, in.readUnsignedByte() == 1 ? readBytes(in) : null,
                            List.of(), List.of()));
                } else if (kind == KIND_MAP) {
                    int entries = in.readInt();
                    List<byte[]> keys = new ArrayList<>();
                    List<byte[]> values = new ArrayList<>();
                    for (int j = 0; j < entries; j++) {
                        keys.add(readBytes(in));
                        values.add(readBytes(in));
                    }
                    result.put(name, new Raw(KIND_MAP, null, keys, values));
                } else {
                    throw invalid("state '" + Ids.printable(name) + "' has unknown kind " + kind);
                }
            }
            if (in.read() != -1) {
                throw invalid("it has bytes after its last state");
            }
        } catch (EOFException e) {
            throw invalid("it is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new EOFException();
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("agent '" + agentId + "': invalid state snapshot: " + why);
    }

    /** {@return the size of the last snapshot taken or restored, in bytes; empty before either} */
    public OptionalLong lastSnapshotBytes() {
        long bytes = lastSnapshotBytes;
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    private static final class Entry {
        final int kind;
        final Object signature;
        final Object handle;

        Entry(int kind, Object signature, Object handle) {
            this.kind = kind;
            this.signature = signature;
            this.handle = handle;
        }
    }

    private static final class Raw {
        final int kind;
        final byte[] value;
        final List<byte[]> keys;
        final List<byte[]> values;

        Raw(int kind, byte[] value, List<byte[]> keys, List<byte[]> values) {
            this.kind = kind;
            this.value = value;
            this.keys = keys;
            this.values = values;
        }
    }
}
