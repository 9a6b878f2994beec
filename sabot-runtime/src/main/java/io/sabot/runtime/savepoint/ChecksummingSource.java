package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.ForwardingSavepointStore;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;

/**
 * A read-only view of a snapshot's store that checksums every object as another store streams it out, and reports
 * the bytes as they are read: so a streamed copy is checked against the snapshot's metadata without reading the copy
 * back. Used only where the target store streams anyway: when it is of another kind (by the
 * {@link SavepointStore#copyFrom} contract), or when a copy between stores of one kind already had to stream.
 * Thread-safe.
 */
final class ChecksummingSource extends ForwardingSavepointStore {

    private final Map<String, Crc32cDigest> digests = new ConcurrentHashMap<>();
    private final LongConsumer bytesRead;

    ChecksummingSource(SavepointStore delegate, LongConsumer bytesRead) {
        super(delegate);
        this.bytesRead = bytesRead;
    }

    /** The size and CRC32C of the bytes read from {@code key} by the last stream opened on it and closed. */
    Optional<Crc32cDigest> digestOf(String key) {
        return Optional.ofNullable(digests.get(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        digests.remove(key);
        return new Counting(key, delegate().open(key));
    }

    @Override
    public void put(String key, InputStream data, long length, PutMode mode) throws IOException {
        throw new UnsupportedOperationException("the source of a copy is read-only");
    }

    @Override
    public boolean delete(String key) {
        throw new UnsupportedOperationException("the source of a copy is read-only");
    }

    @Override
    public CopyMethod copy(String sourceKey, String targetKey) {
        throw new UnsupportedOperationException("the source of a copy is read-only");
    }

    @Override
    public CopyMethod copyFrom(SavepointStore source, String sourceKey, String targetKey) {
        throw new UnsupportedOperationException("the source of a copy is read-only");
    }

    /** Leaves the checkpoint store open: this view does not own it. */
    @Override
    public void close() {
    }

    /** Counts and checksums what is read; records the digest when closed. */
    private final class Counting extends FilterInputStream {

        private final String key;
        private final CRC32C crc = new CRC32C();
        private long size;

        Counting(String key, InputStream in) {
            super(in);
            this.key = key;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                crc.update(b);
                size++;
                bytesRead.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                Crc32cDigest.update(crc, b, off, n);
                size += n;
                bytesRead.accept(n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("a checksummed stream cannot skip");
        }

        @Override
        public void close() throws IOException {
            super.close();
            digests.put(key, new Crc32cDigest(size, SnapshotFile.formatCrc(crc.getValue())));
        }
    }
}
