package io.sabot.api.savepoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A small object store that holds checkpoints and savepoints: the store SPI. Implementations: the filesystem store
 * ({@code file:} URIs and plain paths) and the S3 store ({@code s3://bucket/prefix}); a plugin may add others by
 * URI scheme through a {@link SavepointStoreProvider}.
 *
 * <p>Keys are relative to {@link #location()} and follow {@link StoreKeys}. A put is all-or-nothing: a reader never
 * sees a partly written object under its key, even if the writer crashes. Listing returns whole keys in
 * lexicographic order. Errors are {@link StoreException}s whose message is one clear line without credentials.
 *
 * <p>Thread-safety: implementations must be thread-safe; concurrent puts of different keys never interfere, and
 * concurrent {@link PutMode#CREATE_IF_ABSENT} puts of one key let exactly one writer succeed.
 */
public interface SavepointStore extends AutoCloseable {

    /** {@return where this store is, as a URI without credentials ({@code file:/var/lib/sabot/sp}, {@code s3://b/p})} */
    URI location();

    /**
     * Writes an object from a stream of known length.
     *
     * @param key    the key
     * @param data   the bytes; read to its end, not closed
     * @param length how many bytes {@code data} holds; the put fails if it holds another number
     * @param mode   what to do if the key exists
     * @throws KeyExistsException if {@code mode} is {@link PutMode#CREATE_IF_ABSENT} and the key exists
     * @throws StoreException     if the write fails; nothing is left under the key
     * @throws IOException        if reading {@code data} fails
     */
    void put(String key, InputStream data, long length, PutMode mode) throws IOException;

    /**
     * Writes an object from bytes.
     *
     * @param key  the key
     * @param data the bytes
     * @param mode what to do if the key exists
     * @throws IOException as {@link #put(String, InputStream, long, PutMode)}
     */
    default void put(String key, byte[] data, PutMode mode) throws IOException {
        put(key, new java.io.ByteArrayInputStream(data), data.length, mode);
    }

    /**
     * Writes an object from a local file.
     *
     * @param key  the key
     * @param file the file to upload
     * @param mode what to do if the key exists
     * @throws IOException as {@link #put(String, InputStream, long, PutMode)}
     */
    default void put(String key, Path file, PutMode mode) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            put(key, in, Files.size(file), mode);
        }
    }

    /**
     * Opens an object for reading.
     *
     * @param key the key
     * @return a stream of the object's bytes; the caller closes it
     * @throws NoSuchKeyException if the key does not exist
     * @throws StoreException     if the read fails
     */
    InputStream open(String key) throws IOException;

    /**
     * Reads a whole object.
     *
     * @param key the key
     * @return its bytes
     * @throws NoSuchKeyException if the key does not exist
     * @throws IOException        if the read fails
     */
    default byte[] read(String key) throws IOException {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads an object into a stream.
     *
     * @param key the key
     * @param out where to write the bytes; not closed
     * @return the number of bytes copied
     * @throws NoSuchKeyException if the key does not exist
     * @throws IOException        if the read or the write fails
     */
    default long readTo(String key, OutputStream out) throws IOException {
        try (InputStream in = open(key)) {
            return in.transferTo(out);
        }
    }

    /**
     * Describes one object.
     *
     * @param key the key
     * @return the object, or empty if the key does not exist
     * @throws StoreException if the store cannot be asked
     */
    Optional<StoredObject> stat(String key) throws IOException;

    /**
     * Lists the objects whose key starts with {@code prefix}, however many there are.
     *
     * @param prefix a key prefix; {@code ""} lists everything, {@code "sp-1/"} one snapshot's objects
     * @return the objects in lexicographic key order
     * @throws StoreException if the listing fails
     */
    List<StoredObject> list(String prefix) throws IOException;

    /**
     * Lists the distinct first segments below a prefix: the "directories" of a store (for example every snapshot
     * id under {@code ""}), whether or not they hold a metadata file.
     *
     * @param prefix empty, or a prefix ending in {@code /}
     * @return the child names (without the prefix and without a trailing {@code /}), sorted
     * @throws StoreException if the listing fails
     */
    List<String> listChildren(String prefix) throws IOException;

    /**
     * Deletes an object.
     *
     * @param key the key
     * @return true if it existed
     * @throws StoreException if the delete fails
     */
    boolean delete(String key) throws IOException;

    /**
     * Copies an object within this store, server-side or by hard link where the store can.
     *
     * @param sourceKey the existing object
     * @param targetKey the new key; overwritten if present
     * @return how the copy was made
     * @throws NoSuchKeyException if the source does not exist
     * @throws StoreException     if the copy fails; nothing is left under the target key
     */
    CopyMethod copy(String sourceKey, String targetKey) throws IOException;

    /**
     * Copies an object from another store into this one. The default streams the bytes; a store overrides it to
     * copy server-side or by hard link when {@code source} is a store of its own kind that it can reach that way.
     *
     * @param source    the store holding the object
     * @param sourceKey the object's key there
     * @param targetKey its key here; overwritten if present
     * @return how the copy was made
     * @throws NoSuchKeyException if the source object does not exist
     * @throws IOException        if the copy fails; nothing is left under the target key
     */
    default CopyMethod copyFrom(SavepointStore source, String sourceKey, String targetKey) throws IOException {
        if (source == this) {
            return copy(sourceKey, targetKey);
        }
        StoredObject object = source.stat(sourceKey)
                .orElseThrow(() -> new NoSuchKeyException(source.location().toString(), sourceKey));
        try (InputStream in = source.open(sourceKey)) {
            put(targetKey, in, object.size(), PutMode.OVERWRITE);
        }
        return CopyMethod.STREAM;
    }

    /** Releases the store's resources (connections, thread pools). The default does nothing. */
    @Override
    default void close() {
    }
}
