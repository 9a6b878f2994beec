package io.sabot.runtime.checkpoint;

import io.sabot.api.savepoint.NoSuchKeyException;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of checkpoints on a {@link SavepointStore}: one prefix {@code chk-<n>/} per checkpoint, holding one
 * {@code <agent-id>.state} file per agent and the {@value SnapshotMetadata#METADATA_FILE} written last. A prefix
 * without readable metadata is an incomplete checkpoint: never read, removed by {@link #deleteIncompleteBefore}.
 *
 * <p>Thread-safety: thread-safe if the store is.
 */
public final class CheckpointStorage {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);
    private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d{1,18})");
    /** The suffix of an agent's state file. */
    public static final String STATE_SUFFIX = ".state";

    private final SavepointStore store;
    private final SnapshotMetadataJson json = new SnapshotMetadataJson();

    /**
     * Creates the layout over a store.
     *
     * @param store the store holding the app's checkpoints
     */
    public CheckpointStorage(SavepointStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** {@return the store} */
    public SavepointStore store() {
        return store;
    }

    /**
     * The name of a checkpoint's prefix.
     *
     * @param checkpointId the checkpoint's number
     * @return {@code chk-<n>}
     */
    public static String checkpointName(long checkpointId) {
        return "chk-" + checkpointId;
    }

    /**
     * The path of an agent's state file inside a checkpoint.
     *
     * @param agentId the agent
     * @return {@code <agent-id>.state}
     */
    public static String stateFile(String agentId) {
        return agentId + STATE_SUFFIX;
    }

    /**
     * Writes one agent's state file.
     *
     * @param checkpointId the checkpoint
     * @param agentId      the agent
     * @param state        the snapshot bytes
     * @return the file as the metadata records it
     * @throws IOException if the write fails
     */
    public SnapshotFile writeState(long checkpointId, String agentId, byte[] state) throws IOException {
        String path = stateFile(agentId);
        store.put(checkpointName(checkpointId) + "/" + path, state, PutMode.OVERWRITE);
        return new SnapshotFile(path, state.length, crc32c(state));
    }

    /**
     * Commits a checkpoint by writing its metadata, only if absent.
     *
     * @param metadata the metadata, whose id names the prefix
     * @throws IOException if the write fails or metadata is already there
     */
    public void writeMetadata(SnapshotMetadata metadata) throws IOException {
        store.put(metadata.id() + "/" + SnapshotMetadata.METADATA_FILE, json.write(metadata), PutMode.CREATE_IF_ABSENT);
    }

    /**
     * Reads an agent's state from a completed checkpoint, checking its size and checksum.
     *
     * @param metadata the checkpoint
     * @param agentId  the agent
     * @return the bytes, or empty if the checkpoint holds no state for the agent
     * @throws IOException if the file cannot be read or does not match its metadata
     */
    public Optional<byte[]> readState(SnapshotMetadata metadata, String agentId) throws IOException {
        String path = stateFile(agentId);
        for (SnapshotFile f : metadata.files()) {
            if (f.path().equals(path)) {
                byte[] bytes = store.read(metadata.id() + "/" + path);
                if (bytes.length != f.size() || !crc32c(bytes).equals(f.crc32c())) {
                    throw new StoreException("state file '" + metadata.id() + "/" + path + "' in "
                            + store.location() + " does not match its metadata (size " + bytes.length + " vs "
                            + f.size() + ", crc32c " + crc32c(bytes) + " vs " + f.crc32c() + "); it is corrupt");
                }
                return Optional.of(bytes);
            }
        }
        return Optional.empty();
    }

    /**
     * Lists the checkpoint numbers that have a prefix in the store, complete or not, highest first.
     *
     * @return the numbers
     * @throws IOException if the listing fails
     */
    public List<Long> checkpointNumbers() throws IOException {
        List<Long> out = new ArrayList<>();
        for (String child : store.listChildren("")) {
            Matcher m = CHECKPOINT_DIR.matcher(child);
            if (m.matches()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        out.sort(Comparator.reverseOrder());
        return out;
    }

    /**
     * Reads a checkpoint's metadata.
     *
     * @param checkpointId the checkpoint
     * @return its metadata, or empty if it has none (incomplete) or the metadata is unreadable (logged)
     * @throws IOException if the store cannot be read
     */
    public Optional<SnapshotMetadata> readMetadata(long checkpointId) throws IOException {
        String key = checkpointName(checkpointId) + "/" + SnapshotMetadata.METADATA_FILE;
        byte[] bytes;
        try {
            bytes = store.read(key);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        try {
            SnapshotMetadata metadata = json.read(bytes);
            if (metadata.kind() != SnapshotKind.CHECKPOINT || metadata.checkpointId() != checkpointId
                    || !metadata.id().equals(checkpointName(checkpointId))) {
                LOG.warn("skipping {} in {}: its metadata describes {} {}", key, store.location(),
                        metadata.kind(), metadata.id());
                return Optional.empty();
            }
            return Optional.of(metadata);
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping {} in {}: {}", key, store.location(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Finds the latest completed checkpoint: the highest-numbered one whose metadata is present and valid. A
     * prefix without metadata is never trusted.
     *
     * @return its metadata, or empty if there is none
     * @throws IOException if the store cannot be read
     */
    public Optional<SnapshotMetadata> latestCompleted() throws IOException {
        for (long n : checkpointNumbers()) {
            Optional<SnapshotMetadata> metadata = readMetadata(n);
            if (metadata.isPresent()) {
                return metadata;
            }
        }
        return Optional.empty();
    }

    /**
     * Lists the completed checkpoints, highest first.
     *
     * @return their metadata
     * @throws IOException if the store cannot be read
     */
    public List<SnapshotMetadata> completed() throws IOException {
        List<SnapshotMetadata> out = new ArrayList<>();
        for (long n : checkpointNumbers()) {
            readMetadata(n).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Deletes a checkpoint: its metadata first (so it is no longer complete), then its files.
     *
     * @param checkpointId the checkpoint
     * @throws IOException if a delete fails
     */
    public void delete(long checkpointId) throws IOException {
        String prefix = checkpointName(checkpointId) + "/";
        store.delete(prefix + SnapshotMetadata.METADATA_FILE);
        for (StoredObject o : store.list(prefix)) {
            store.delete(o.key());
        }
    }

    /**
     * Keeps the {@code retained} highest completed checkpoints and deletes the older completed ones, and deletes
     * every incomplete checkpoint numbered below {@code before}.
     *
     * @param retained how many completed checkpoints to keep; 1 or more
     * @param before   incomplete checkpoints below this number are removed (the one in progress is not)
     * @return the numbers deleted
     * @throws IOException if the store cannot be read or a delete fails
     */
    public List<Long> retain(int retained, long before) throws IOException {
        List<Long> deleted = new ArrayList<>();
        int kept = 0;
        for (long n : checkpointNumbers()) {
            boolean complete = readMetadata(n).isPresent();
            if (complete && kept < retained) {
                kept++;
            } else if (complete || n < before) {
                delete(n);
                deleted.add(n);
            }
        }
        return deleted;
    }

    /**
     * Deletes every incomplete checkpoint numbered below {@code before}: leftovers of a crash or a failed write.
     *
     * @param before the bound, exclusive
     * @return the numbers deleted
     * @throws IOException if the store cannot be read or a delete fails
     */
    public List<Long> deleteIncompleteBefore(long before) throws IOException {
        List<Long> deleted = new ArrayList<>();
        for (long n : checkpointNumbers()) {
            if (n < before && readMetadata(n).isEmpty()) {
                delete(n);
                deleted.add(n);
            }
        }
        return deleted;
    }

    /**
     * The CRC32C of bytes, as metadata records it.
     *
     * @param bytes the bytes
     * @return 8 lower-case hex digits
     */
    public static String crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return SnapshotFile.formatCrc(crc.getValue());
    }
}
