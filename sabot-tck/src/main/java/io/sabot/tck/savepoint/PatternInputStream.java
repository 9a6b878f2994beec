package io.sabot.tck.savepoint;

import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * A stream of a given number of deterministic pseudo-random bytes, so tests can write large objects without
 * holding them in memory, and check them by {@link #crcOf(long) checksum}.
 *
 * <p>Byte {@code i} depends only on {@code i}, so two streams of different lengths agree on their common prefix.
 * Not thread-safe.
 */
public class PatternInputStream extends InputStream {

    private final long length;
    private long position;

    /**
     * Creates the stream.
     *
     * @param length how many bytes it yields
     */
    public PatternInputStream(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be zero or more, got " + length);
        }
        this.length = length;
    }

    /**
     * The byte at a position.
     *
     * @param i the position, from 0
     * @return its value, 0 to 255
     */
    static int byteAt(long i) {
        long x = i * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return (int) (x >>> 13) & 0xff;
    }

    /**
     * The CRC32C of the first {@code length} bytes of any pattern stream.
     *
     * @param length bytes
     * @return the checksum value
     */
    public static long crcOf(long length) {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[64 * 1024];
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(buf.length, length - done);
            for (int j = 0; j < n; j++) {
                buf[j] = (byte) byteAt(done + j);
            }
            crc.update(buf, 0, n);
            done += n;
        }
        return crc.getValue();
    }

    /** {@return how many bytes have been read so far} */
    protected long position() {
        return position;
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return byteAt(position++);
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int j = 0; j < n; j++) {
            b[off + j] = (byte) byteAt(position + j);
        }
        position += n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }
}
