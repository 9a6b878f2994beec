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

    static Crc32cDigest of(InputStream in) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            crc.update(buffer, 0, n);
            size += n;
        }
        return new Crc32cDigest(size, SnapshotFile.formatCrc(crc.getValue()));
    }
}
