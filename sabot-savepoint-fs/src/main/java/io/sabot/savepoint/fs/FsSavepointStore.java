package io.sabot.savepoint.fs;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.KeyExistsException;
import io.sabot.api.savepoint.NoSuchKeyException;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoreKeys;
import io.sabot.api.savepoint.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SavepointStore} in a directory of a local or mounted filesystem. A key {@code sp-1/agent-a/state} is the
 * file {@code <root>/sp-1/agent-a/state}.
 *
 * <p>Durability: a put writes a temporary file (named {@value #TEMP_PREFIX}...) in the target's directory, forces
 * it to disk, moves it over the target with an atomic rename, then forces the directory - so a reader sees the old
 * object or the new one, never a part, even after a crash. A {@link PutMode#CREATE_IF_ABSENT} put instead hard-links
 * the finished temporary file to the target name, which the filesystem refuses atomically if the name exists, so
 * exactly one of several concurrent creators wins. Temporary files are invisible to {@link #list(String)} and
 * {@link #listChildren(String)}; {@link #deleteTempFiles(Duration)} removes those a crash left behind.
 *
 * <p>Copies ({@link #copy}, and {@link #copyFrom} from another filesystem store) are hard links when source and
 * target are on the same filesystem - no bytes are copied, and since every write replaces a file by rename, a later
 * put to either key never changes the other - and byte copies otherwise.
 *
 * <p>Keys are checked with {@link StoreKeys}, must not have a segment starting with {@value #TEMP_PREFIX}, and must
 * resolve inside the root after normalisation; the filesystem must not have a file where a key needs a directory.
 * Deleting the last object of a directory removes the emptied directories up to the root.
 *
 * <p>Thread-safety: safe for concurrent use by many threads and by several processes sharing the directory.
 */
public final class FsSavepointStore implements SavepointStore {

    /** The name prefix of temporary files; listing skips them and {@link #deleteTempFiles} removes them. */
    public static final String TEMP_PREFIX = ".sabot-tmp-";

    private static final int MAX_BUFFER = 1 << 20;
    private static final int DIRECTORY_RACE_ATTEMPTS = 10;

    private final Path root;
    private final URI location;
    private final Clock clock;
    private final boolean fsync;

    private FsSavepointStore(Path root, Clock clock, boolean fsync) {
        this.root = root;
        this.location = root.toUri();
        this.clock = clock;
        this.fsync = fsync;
    }

    /**
     * Opens the store in an existing directory with the defaults of {@link Builder}.
     *
     * @param root the directory
     * @return the store
     * @throws StoreException if the directory does not exist or is not a directory
     */
    public static FsSavepointStore open(Path root) throws StoreException {
        return builder(root).build();
    }

    /**
     * Starts a builder.
     *
     * @param root the store's directory
     * @return a builder with the defaults documented on {@link Builder}
     */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** {@return the root directory, absolute and with symbolic links resolved} */
    public Path root() {
        return root;
    }

    @Override
    public URI location() {
        return location;
    }

    @Override
    public void put(String key, InputStream data, long length, PutMode mode) throws IOException {
        Path target = resolve(key);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mode, "mode");
        if (length < 0) {
            throw new IllegalArgumentException("length of '" + key + "' must be zero or more, got " + length);
        }
        Path tmp = null;
        try {
            tmp = createTempFileBeside(target, key);
            writeExactly(data, length, tmp, key);
            commit(tmp, target, key, mode);
            tmp = null;
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = resolve(key);
        if (!isRegularFile(file)) {
            throw new NoSuchKeyException(location.toString(), key);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchKeyException(location.toString(), key);
        } catch (IOException e) {
            throw FsErrors.translate("read '" + key + "'", root, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) throws IOException {
        Path file = resolve(key);
        BasicFileAttributes attrs = attributes(file);
        if (attrs == null || !attrs.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new StoredObject(key, attrs.size(), attrs.lastModifiedTime().toInstant()));
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        StoreKeys.requireValidPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : resolveDirectory(prefix.substring(0, slash));
        List<StoredObject> objects = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(start) && !prefixCouldMatch(keyOf(dir) + "/", prefix)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isTemp(file)) {
                        String key = keyOf(file);
                        if (key.startsWith(prefix)) {
                            objects.add(new StoredObject(key, attrs.size(), attrs.lastModifiedTime().toInstant()));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw FsErrors.translate("list '" + prefix + "'", root, e);
        }
        objects.sort(Comparator.comparing(StoredObject::key));
        return objects;
    }

    @Override
    public List<String> listChildren(String prefix) throws IOException {
        requireDirectoryPrefix(prefix);
        Path dir = prefix.isEmpty() ? root : resolveDirectory(prefix.substring(0, prefix.length() - 1));
        List<String> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!isTemp(entry) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && holdsAnObject(entry)) {
                    children.add(entry.getFileName().toString());
                }
            }
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw FsErrors.translate("list the children of '" + prefix + "'", root, e);
        }
        children.sort(Comparator.naturalOrder());
        return children;
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path file = resolve(key);
        BasicFileAttributes attrs = attributes(file);
        if (attrs == null || attrs.isDirectory()) {
            return false;
        }
        boolean deleted;
        try {
            deleted = Files.deleteIfExists(file);
        } catch (IOException e) {
            throw FsErrors.translate("delete '" + key + "'", root, e);
        }
        if (deleted) {
            forceDirectory(file.getParent());
            removeEmptyDirectories(file.getParent());
        }
        return deleted;
    }

    @Override
    public CopyMethod copy(String sourceKey, String targetKey) throws IOException {
        Path source = resolve(sourceKey);
        Path target = resolve(targetKey);
        return copyFile(source, sourceKey, this, target, targetKey);
    }

    /**
     * Copies from another store; from another {@code FsSavepointStore} on the same filesystem this is a hard link,
     * from anything else a byte copy.
     *
     * @param source    the store holding the object
     * @param sourceKey the object's key there
     * @param targetKey its key here; overwritten if present
     * @return {@link CopyMethod#HARD_LINK} or {@link CopyMethod#STREAM}
     * @throws IOException as {@link SavepointStore#copyFrom}
     */
    @Override
    public CopyMethod copyFrom(SavepointStore source, String sourceKey, String targetKey) throws IOException {
        if (source instanceof FsSavepointStore) {
            FsSavepointStore other = (FsSavepointStore) source;
            Path from = other.resolve(sourceKey);
            Path to = resolve(targetKey);
            return copyFile(from, sourceKey, other, to, targetKey);
        }
        return SavepointStore.super.copyFrom(source, sourceKey, targetKey);
    }

    /**
     * Removes temporary files that a crashed or killed writer left behind, if they are older than a minimum age (so
     * writes in progress, in this process or another, are not disturbed).
     *
     * @param minimumAge how old a temporary file must be to be removed; {@link Duration#ZERO} removes all
     * @return how many files were removed
     * @throws StoreException if the directory cannot be walked
     */
    public int deleteTempFiles(Duration minimumAge) throws StoreException {
        Objects.requireNonNull(minimumAge, "minimumAge");
        Instant cutoff = clock.instant().minus(minimumAge);
        AtomicInteger removed = new AtomicInteger();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (isTemp(file) && !attrs.lastModifiedTime().toInstant().isAfter(cutoff)
                            && Files.deleteIfExists(file)) {
                        removed.incrementAndGet();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw FsErrors.translate("remove temporary files", root, e);
        }
        return removed.get();
    }

    @Override
    public String toString() {
        return "FsSavepointStore[" + location + "]";
    }

    // ---------------------------------------------------------------- internals

    private CopyMethod copyFile(Path source, String sourceKey, FsSavepointStore sourceStore, Path target,
                                String targetKey) throws IOException {
        if (!isRegularFile(source)) {
            throw new NoSuchKeyException(sourceStore.location.toString(), sourceKey);
        }
        Path tmp = null;
        try {
            tmp = createTempFileBeside(target, targetKey);
            Files.delete(tmp);
            try {
                Files.createLink(tmp, source);
            } catch (NoSuchFileException e) {
                throw new NoSuchKeyException(sourceStore.location.toString(), sourceKey);
            } catch (UnsupportedOperationException | FileSystemException e) {
                // Another filesystem (EXDEV) or one without hard links: copy the bytes instead.
                tmp = null;
                try (InputStream in = sourceStore.open(sourceKey)) {
                    put(targetKey, in, Files.size(source), PutMode.OVERWRITE);
                }
                return CopyMethod.STREAM;
            }
            commit(tmp, target, targetKey, PutMode.OVERWRITE);
            tmp = null;
            return CopyMethod.HARD_LINK;
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private Path createTempFileBeside(Path target, String key) throws IOException {
        Path dir = target.getParent();
        for (int attempt = 1; ; attempt++) {
            try {
                createDirectories(dir);
                Path tmp = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-"
                        + target.getFileName());
                if (tmp.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                    tmp = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                }
                Files.createFile(tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= DIRECTORY_RACE_ATTEMPTS) {
                    throw FsErrors.translate("write '" + key + "'", root, e);
                }
            } catch (NoSuchFileException e) {
                // A concurrent delete removed the emptied directory between our mkdir and create: try again.
                if (attempt >= DIRECTORY_RACE_ATTEMPTS) {
                    throw FsErrors.translate("write '" + key + "'", root, e);
                }
            } catch (IOException e) {
                throw FsErrors.translate("write '" + key + "'", root, e);
            }
        }
    }

    private void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !p.equals(root) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
             p = p.getParent()) {
            missing.add(p);
        }
        Files.createDirectories(dir);
        for (Path created : missing) {
            forceDirectory(created.getParent());
        }
    }

    private void writeExactly(InputStream data, long length, Path tmp, String key) throws IOException {
        byte[] buffer = new byte[(int) Math.max(1, Math.min(MAX_BUFFER, length))];
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            long remaining = length;
            while (remaining > 0) {
                int n = data.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new StoreException("cannot write '" + key + "' in " + root + ": the data ended after "
                            + (length - remaining) + " of the " + length + " bytes declared; nothing was stored");
                }
                writeFully(channel, ByteBuffer.wrap(buffer, 0, n), key);
                remaining -= n;
            }
            if (data.read() >= 0) {
                throw new StoreException("cannot write '" + key + "' in " + root + ": the data is longer than the "
                        + length + " bytes declared; nothing was stored");
            }
            if (fsync) {
                channel.force(true);
            }
        } catch (StoreException e) {
            throw e;
        } catch (FileSystemException e) {
            throw FsErrors.translate("write '" + key + "'", root, e);
        }
    }

    private void writeFully(FileChannel channel, ByteBuffer buffer, String key) throws StoreException {
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw FsErrors.translate("write '" + key + "'", root, e);
        }
    }

    private void commit(Path tmp, Path target, String key, PutMode mode) throws IOException {
        try {
            if (mode == PutMode.CREATE_IF_ABSENT) {
                try {
                    Files.createLink(target, tmp);
                } catch (FileAlreadyExistsException e) {
                    throw new KeyExistsException(location.toString(), key);
                } catch (UnsupportedOperationException e) {
                    throw new StoreException("cannot create '" + key + "' in " + root + ": the filesystem has no "
                            + "hard links, which create-if-absent needs; use a local filesystem such as ext4 or xfs");
                }
                Files.delete(tmp);
            } else {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new StoreException("cannot write '" + key + "' in " + root
                            + ": a directory of that name holds other objects");
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (StoreException e) {
            throw e;
        } catch (IOException e) {
            throw FsErrors.translate("write '" + key + "'", root, e);
        }
        forceDirectory(target.getParent());
    }

    private void forceDirectory(Path dir) {
        if (!fsync) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or force a directory; the rename is still atomic there.
        }
    }

    private void removeEmptyDirectories(Path dir) {
        for (Path p = dir; p != null && !p.equals(root) && p.startsWith(root); p = p.getParent()) {
            try {
                Files.delete(p);
                forceDirectory(p.getParent());
            } catch (IOException e) {
                // Not empty (a concurrent put, or other objects), already gone, or not ours to remove: stop here.
                return;
            }
        }
    }

    private boolean holdsAnObject(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.anyMatch(p -> !isTemp(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return false;
            }
            throw e.getCause();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static boolean prefixCouldMatch(String directoryKey, String prefix) {
        return directoryKey.startsWith(prefix) || prefix.startsWith(directoryKey);
    }

    private Path resolve(String key) {
        StoreKeys.requireValid(key);
        for (String segment : key.split("/")) {
            if (segment.startsWith(TEMP_PREFIX)) {
                throw new IllegalArgumentException("invalid key '" + key + "': segments starting with '"
                        + TEMP_PREFIX + "' are reserved for the filesystem store's temporary files");
            }
        }
        Path resolved = root.resolve(key).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("invalid key '" + key + "': it resolves outside the store " + root);
        }
        return resolved;
    }

    private Path resolveDirectory(String keyPrefix) {
        return resolve(keyPrefix);
    }

    private static void requireDirectoryPrefix(String prefix) {
        StoreKeys.requireValidPrefix(prefix);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("invalid prefix '" + prefix + "': listChildren needs \"\" or a "
                    + "prefix ending in '/'");
        }
    }

    private String keyOf(Path file) {
        Path relative = root.relativize(file);
        StringBuilder key = new StringBuilder();
        for (Path segment : relative) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(segment);
        }
        return key.toString();
    }

    private static boolean isTemp(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(TEMP_PREFIX);
    }

    private static boolean isRegularFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private BasicFileAttributes attributes(Path file) throws StoreException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return null;
        } catch (FileSystemException e) {
            if (FsErrors.isNotADirectory(e)) {
                return null;
            }
            throw FsErrors.translate("read the attributes of '" + root.relativize(file) + "'", root, e);
        } catch (IOException e) {
            throw FsErrors.translate("read the attributes of '" + root.relativize(file) + "'", root, e);
        }
    }

    /**
     * Builds a {@link FsSavepointStore}.
     *
     * <p>Defaults: the directory must already exist ({@link #createDirectory(boolean)} false), every write is
     * forced to disk ({@link #fsync(boolean)} true), the system UTC clock. Not thread-safe.
     */
    public static final class Builder {

        private final Path root;
        private boolean createDirectory;
        private boolean fsync = true;
        private Clock clock = Clock.systemUTC();

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /**
         * Whether {@link #build()} creates the directory (and its parents) when it is missing.
         *
         * @param create true to create it; default false, so a mistyped path fails instead of silently writing to
         *               a new directory
         * @return this builder
         */
        public Builder createDirectory(boolean create) {
            this.createDirectory = create;
            return this;
        }

        /**
         * Whether writes are forced to disk (file, then directory) before they count as done.
         *
         * @param force default true; false is faster but a power loss may lose recent writes (never tear them)
         * @return this builder
         */
        public Builder fsync(boolean force) {
            this.fsync = force;
            return this;
        }

        /**
         * The clock by which {@link FsSavepointStore#deleteTempFiles(Duration)} judges the age of temporary files.
         *
         * @param clock default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Opens the store.
         *
         * @return the store
         * @throws StoreException if the directory is missing (and may not be created), is not a directory, or
         *                        cannot be created
         */
        public FsSavepointStore build() throws StoreException {
            Path dir = root.toAbsolutePath().normalize();
            if (!Files.exists(dir)) {
                if (!createDirectory) {
                    throw new StoreException("savepoint directory " + dir + " does not exist; create it (mkdir -p "
                            + dir + ") or check the path");
                }
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw FsErrors.translate("create the savepoint directory", dir, e);
                }
            }
            if (!Files.isDirectory(dir)) {
                throw new StoreException("savepoint location " + dir + " is not a directory; pass a directory");
            }
            try {
                dir = dir.toRealPath();
            } catch (IOException e) {
                throw FsErrors.translate("open the savepoint directory", dir, e);
            }
            return new FsSavepointStore(dir, clock, fsync);
        }
    }
}
