package io.sabot.api.savepoint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a snapshot, as recorded in its metadata. Immutable.
 *
 * @param path   the file's path relative to the snapshot's directory or prefix (a valid {@link StoreKeys key})
 * @param size   its size in bytes
 * @param crc32c its CRC32C checksum, 8 lower-case hex digits
 */
public record SnapshotFile(String path, long size, String crc32c) {

    private static final Pattern HEX8 = Pattern.compile("[0-9a-f]{8}");
    /**
     * Creates the record, validating and copying its components.
     *
     * @param path the file's path relative to the snapshot's directory or prefix (a valid {@link StoreKeys key})
     * @param size its size in bytes
     * @param crc32c its CRC32C checksum, 8 lower-case hex digits
     */
    public SnapshotFile {
        StoreKeys.requireValid(path);
        Objects.requireNonNull(crc32c, "crc32c");
        if (size < 0) {
            throw new IllegalArgumentException("file '" + path + "': size must be zero or more, got " + size);
        }
        if (!HEX8.matcher(crc32c).matches()) {
            throw new IllegalArgumentException("file '" + path + "': crc32c must be 8 lower-case hex digits, got '"
                    + io.sabot.api.Ids.printable(crc32c) + "'");
        }
    }

    /**
     * Formats a checksum value as this record stores it.
     *
     * @param crc the value of a {@link java.util.zip.CRC32C}
     * @return 8 lower-case hex digits
     */
    public static String formatCrc(long crc) {
        return String.format("%08x", crc & 0xffffffffL);
    }
}
