package io.sabot.runtime.savepoint;

import io.sabot.api.agent.SourcePosition;
import io.sabot.api.savepoint.NoSuchKeyException;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.runtime.checkpoint.RecoveryState;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified savepoint opened for a worker to start from: its metadata, each agent's state and each source's
 * position. Reading never modifies the savepoint. Every state read checks the file's size and CRC32C against the
 * metadata again, so a file changed after {@link SavepointManager#openForRestore(String)} verified it is refused.
 *
 * <p>Obtain one from {@link SavepointManager#openForRestore(String)} or
 * {@link SavepointManager#openForRestore(java.net.URI, io.sabot.api.savepoint.SavepointStoreProvider, java.util.Map)};
 * close it when the worker has read its state (this closes the store only if it was opened for the restore).
 *
 * <p>Thread-safety: thread-safe.
 */
public final class SavepointRestore implements RecoveryState, AutoCloseable {

    private final SavepointStore store;
    private final SnapshotMetadata metadata;
    private final boolean ownsStore;

    SavepointRestore(SavepointStore store, SnapshotMetadata metadata, boolean ownsStore) {
        this.store = Objects.requireNonNull(store, "store");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.ownsStore = ownsStore;
    }

    /** {@return the savepoint's verified metadata} */
    public SnapshotMetadata metadata() {
        return metadata;
    }

    /** {@return the savepoint's id} */
    public String id() {
        return metadata.id();
    }

    /**
     * Reads an agent's state, checking its size and CRC32C.
     *
     * @param agentId the agent
     * @return its snapshot bytes, or empty if the savepoint holds no state for it
     * @throws CorruptSavepointException if the file no longer matches the metadata
     * @throws IOException               if the file cannot be read
     */
    @Override
    public Optional<byte[]> agentState(String agentId) throws IOException {
        String path = CheckpointStorage.stateFile(agentId);
        Optional<SnapshotFile> file = metadata.files().stream().filter(f -> f.path().equals(path)).findFirst();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = store.read(key(path));
        } catch (NoSuchKeyException e) {
            throw new CorruptSavepointException("savepoint " + id() + " in " + store.location() + " lost its file '"
                    + path + "' after it was verified; it cannot be restored");
        }
        String crc = CheckpointStorage.crc32c(bytes);
        if (bytes.length != file.get().size() || !crc.equals(file.get().crc32c())) {
            throw new CorruptSavepointException("file '" + path + "' of savepoint " + id() + " in "
                    + store.location() + " changed after it was verified (size " + bytes.length + ", expected "
                    + file.get().size() + "; crc32c " + crc + ", expected " + file.get().crc32c() + ")");
        }
        return Optional.of(bytes);
    }

    /**
     * The position a source resumes at.
     *
     * @param source the source
     * @return its recorded position, or empty if the savepoint has none for it
     */
    @Override
    public Optional<SourcePosition> sourcePosition(String source) {
        return Optional.ofNullable(metadata.sourcePositions().get(source));
    }

    /**
     * Opens one of the savepoint's files for reading, unchecked (the caller can compare with {@link #metadata()}).
     *
     * @param path a path listed in the metadata
     * @return the file's bytes; the caller closes the stream
     * @throws IllegalArgumentException if the metadata does not list {@code path}
     * @throws IOException              if the file cannot be read
     */
    public InputStream openFile(String path) throws IOException {
        if (metadata.files().stream().noneMatch(f -> f.path().equals(path))) {
            throw new IllegalArgumentException("savepoint " + id() + " has no file '" + path + "'");
        }
        return store.open(key(path));
    }

    private String key(String path) {
        return metadata.id() + "/" + path;
    }

    /** Closes the store if it was opened for this restore; otherwise does nothing. */
    @Override
    public void close() {
        if (ownsStore) {
            store.close();
        }
    }
}
