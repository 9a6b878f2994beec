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
import java.util.zip.CRC32C;

/**
 * A read-only view of a checkpoint store that checksums every object as another store streams it out: so a streamed
 * copy is checked against the checkpoint's metadata without reading the copy back. Used only when the target store
 * is of another kind, which - by the {@link SavepointStore#copyFrom} contract - streams anyway. Thread-safe.
 */
final class ChecksummingSource extends ForwardingSavepointStore {

    private static final int CRC_SLICE = 8 << 10;

    private final Map<String, Crc32cDigest> digests = new ConcurrentHashMap<>();

    ChecksummingSource(SavepointStore delegate) {
        super(delegate);
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
        throw new UnsupportedOperationException("the checkpoint store is read-only while a savepoint is made");
    }

    @Override
    public boolean delete(String key) {
        throw new UnsupportedOperationException("the checkpoint store is read-only while a savepoint is made");
    }

    @Override
    public CopyMethod copy(String sourceKey, String targetKey) {
        throw new UnsupportedOperationException("the checkpoint store is read-only while a savepoint is made");
    }

    @Override
    public CopyMethod copyFrom(SavepointStore source, String sourceKey, String targetKey) {
        throw new UnsupportedOperationException("the checkpoint store is read-only while a savepoint is made");
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
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            // In small slices: the loop makes this method hot enough for the JIT's optimising compiler, which alone
            // turns CRC32C.update into the CPU's crc32 instruction (one 1 MiB update per call never gets there).
            for (int done = 0; done < n; done += CRC_SLICE) {
                crc.update(b, off + done, Math.min(CRC_SLICE, n - done));
            }
            if (n > 0) {
                size += n;
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
