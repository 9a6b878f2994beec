package io.sabot.runtime.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret that admin requests to a worker must present ({@code Authorization: Bearer <token>}). The worker
 * generates one at start and writes it to a file only its user can read; CLI commands read it from there.
 *
 * <p>The token never appears in {@link #toString()}, logs or error messages. Immutable.
 */
public final class AdminToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private AdminToken(String value) {
        this.value = value;
    }

    /** {@return a new random token of 256 bits} */
    public static AdminToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Reads a token file.
     *
     * @param file the file written by {@link #writeTo(Path)}
     * @return the token
     * @throws IOException if the file cannot be read or is empty
     */
    public static AdminToken readFrom(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (text.isEmpty()) {
            throw new IOException("admin token file " + file + " is empty");
        }
        return new AdminToken(text);
    }

    /**
     * Writes the token to a file readable and writable by the current user only (mode 0600 where the filesystem
     * has POSIX permissions), replacing any earlier one atomically.
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public void writeTo(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": it appeared while writing the admin token", e);
        }
        Files.writeString(tmp, value, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Checks a presented token in constant time.
     *
     * @param presented what a client sent; may be null
     * @return true if it is this token
     */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@return the token as an {@code Authorization} header value, for clients} */
    public String bearerHeader() {
        return "Bearer " + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdminToken && ((AdminToken) o).matches(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
