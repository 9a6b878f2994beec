package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.SnapshotFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * The size and CRC32C of a stream, read to its end with a fixed buffer (so a file of any size is checked in constant
 * memory). Immutable.
 *
 * @param size   the number of bytes read
 * @param crc32c the checksum, as {@link SnapshotFile#crc32c()} records it
 */
record Crc32cDigest(long size, String crc32c) {

    private static final int BUFFER = 1 << 20;
    private static final int SLICE = 8 << 10;

    static Crc32cDigest of(InputStream in) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            update(crc, buffer, 0, n);
            size += n;
        }
        return new Crc32cDigest(size, SnapshotFile.formatCrc(crc.getValue()));
    }

    /**
     * Adds bytes to a checksum in small slices: the loop makes the calling code hot enough for the JIT's optimising
     * compiler, which alone turns {@link CRC32C#update(byte[], int, int)} into the CPU's crc32 instruction (a single
     * megabyte-sized update per call can run interpreted for a long time).
     */
    static void update(CRC32C crc, byte[] bytes, int offset, int length) {
        for (int done = 0; done < length; done += SLICE) {
            crc.update(bytes, offset + done, Math.min(SLICE, length - done));
        }
    }
}
