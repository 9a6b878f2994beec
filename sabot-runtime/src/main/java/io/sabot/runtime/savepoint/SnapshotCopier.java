package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies the files of one snapshot from one store to another for the savepoint manager: several files at once,
 * each copy's size checked against the snapshot's metadata and, when it streamed, its CRC32C too (unless turned off),
 * with the bytes reported to a {@link TransferProgress}.
 *
 * <p>How each file is checked without reading it twice: from a store of another kind the target streams anyway, so
 * the bytes are checksummed as they are read ({@link ChecksummingSource}). Between stores of one kind the first
 * (smallest) file is copied alone as a probe: if the stores copied it natively (hard link, server-side copy), so are
 * the rest, and there is nothing to checksum; if they had to stream it (another filesystem, another endpoint), the
 * probe is read back and the rest stream through the checksumming view, which is what the stores would have done.
 *
 * <p>On failure every copy still running is interrupted and awaited before the error is thrown, so the caller may
 * remove what was copied without racing a copy. Thread-safety: one instance per transfer.
 */
final class SnapshotCopier {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final SavepointStore source;
    private final String sourcePrefix;
    private final SavepointStore target;
    private final String targetPrefix;
    private final String snapshot;
    private final boolean checksum;
    private final int threads;
    private final TransferProgress progress;
    private final ChecksummingSource view;
    private final Set<CopyMethod> methods = ConcurrentHashMap.newKeySet();

    /**
     * @param source       the store holding the snapshot
     * @param sourcePrefix the snapshot's prefix there, ending in {@code /}
     * @param target       the store to copy into
     * @param targetPrefix the prefix to copy to, ending in {@code /}
     * @param snapshot     the snapshot for messages: {@code "checkpoint chk-3"}, {@code "savepoint sp-..."}
     * @param checksum     whether streamed copies are checked by CRC32C
     * @param threads      how many files to copy at once
     * @param progress     hears the bytes copied
     */
    SnapshotCopier(SavepointStore source, String sourcePrefix, SavepointStore target, String targetPrefix,
                   String snapshot, boolean checksum, int threads, TransferProgress progress) {
        this.source = source;
        this.sourcePrefix = sourcePrefix;
        this.target = target;
        this.targetPrefix = targetPrefix;
        this.snapshot = snapshot;
        this.checksum = checksum;
        this.threads = threads;
        this.progress = progress;
        this.view = new ChecksummingSource(source, progress::advanced);
    }

    /**
     * Copies the files and checks every copy.
     *
     * @param files the snapshot's files, as its metadata lists them
     * @return how the files were copied
     * @throws SavepointException if a copy is missing, has the wrong size or the wrong checksum
     * @throws IOException        if a store fails, or the calling thread is interrupted
     */
    Set<CopyMethod> copy(List<SnapshotFile> files) throws IOException {
        List<SnapshotFile> order = new ArrayList<>(files);
        order.sort(Comparator.comparingLong(SnapshotFile::size));
        SavepointStore from = view;
        if (source.getClass() == target.getClass() && !order.isEmpty()) {
            CopyMethod probe = copyOne(order.remove(0), source);
            if (probe != CopyMethod.STREAM) {
                from = source;
            }
        }
        copyAll(order, from);
        return methods.isEmpty() ? EnumSet.noneOf(CopyMethod.class) : EnumSet.copyOf(methods);
    }

    private void copyAll(List<SnapshotFile> files, SavepointStore from) throws IOException {
        if (threads <= 1 || files.size() <= 1) {
            for (SnapshotFile file : files) {
                copyOne(file, from);
            }
            return;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, files.size()), task -> {
            Thread t = new Thread(task, "sabot-snapshot-copy-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Void> copies = new ExecutorCompletionService<>(executor);
        try {
            for (SnapshotFile file : files) {
                copies.submit(() -> {
                    copyOne(file, from);
                    return null;
                });
            }
            awaitAll(copies, files.size(), executor);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Waits for every copy, in the order they end; on the first failure interrupts the others and waits until all
     * have ended, then throws it.
     */
    private static void awaitAll(CompletionService<Void> copies, int count, ExecutorService executor)
            throws IOException {
        Throwable failure = null;
        for (int i = 0; i < count && failure == null; i++) {
            try {
                copies.take().get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new InterruptedIOException("interrupted while copying the snapshot's files");
            }
        }
        if (failure == null) {
            return;
        }
        executor.shutdownNow();
        boolean interrupted = Thread.interrupted();
        boolean ended = false;
        while (!ended) {
            // A store call that ignores interrupts still ends; the caller must not clean up before it does, so a
            // further interrupt is remembered and the wait goes on.
            try {
                ended = executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure);
    }

    private CopyMethod copyOne(SnapshotFile file, SavepointStore from) throws IOException {
        String sourceKey = sourcePrefix + file.path();
        String targetKey = targetPrefix + file.path();
        CopyMethod method = target.copyFrom(from, sourceKey, targetKey);
        methods.add(method);
        if (from != view && file.size() > 0) {
            progress.advanced(file.size());
        }
        check(file, targetKey, method, from == view ? view.digestOf(sourceKey) : Optional.empty());
        return method;
    }

    private void check(SnapshotFile file, String targetKey, CopyMethod method, Optional<Crc32cDigest> streamed)
            throws IOException {
        String kind = snapshot.substring(0, snapshot.indexOf(' '));
        Optional<StoredObject> copied = target.stat(targetKey);
        if (copied.isEmpty() || copied.get().size() != file.size()) {
            throw new SavepointException("copying '" + file.path() + "' of " + snapshot + " to " + target.location()
                    + " gave " + copied.map(o -> o.size() + " bytes").orElse("no file") + ", but the " + kind
                    + "'s metadata says " + file.size() + " bytes; the " + kind
                    + " or the target store may be damaged");
        }
        if (method != CopyMethod.STREAM || !checksum) {
            return;
        }
        Crc32cDigest digest;
        if (streamed.isPresent() && streamed.get().size() == file.size()) {
            digest = streamed.get();
        } else {
            try (InputStream in = target.open(targetKey)) {
                digest = Crc32cDigest.of(in);
            }
        }
        if (!digest.crc32c().equals(file.crc32c())) {
            throw new SavepointException("copying '" + file.path() + "' of " + snapshot + " to " + target.location()
                    + " gave crc32c " + digest.crc32c() + ", but the " + kind + "'s metadata says " + file.crc32c()
                    + "; the " + kind + " or the target store may be damaged");
        }
    }
}
