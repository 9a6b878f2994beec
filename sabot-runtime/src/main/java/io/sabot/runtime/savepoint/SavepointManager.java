package io.sabot.runtime.savepoint;

import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.KeyExistsException;
import io.sabot.api.savepoint.NoSuchKeyException;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointId;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SavepointStoreProvider;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.savepoint.StoreLocations;
import io.sabot.api.savepoint.StoredObject;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.runtime.checkpoint.SnapshotMetadataJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Creates, lists, shows, verifies, deletes, prunes, cleans up and restores the savepoints of one savepoint store.
 *
 * <p>Layout: each savepoint is the prefix {@code <savepoint-id>/} (a directory on a filesystem) holding the state
 * files of the checkpoint it was made from, under the same relative paths ({@code <agent-id>.state}), and a
 * {@value SnapshotMetadata#METADATA_FILE} written <em>last</em> with {@link PutMode#CREATE_IF_ABSENT}: its presence
 * commits the savepoint. A prefix without metadata is incomplete (a creation or a delete was interrupted): it is
 * never listed or restored, and {@link #cleanUp(Duration)} removes it. There is no central index, so concurrent
 * creators cannot lose each other's savepoints and one corrupt metadata file hides nothing else. Directory names
 * that are not {@linkplain SavepointId savepoint ids} are ignored, so the store may hold other things.
 *
 * <p>Errors: ids are checked with {@link SavepointId#parse(String)} ({@link IllegalArgumentException} for a malformed
 * one); a missing savepoint is a {@link SavepointNotFoundException}, a corrupt one a
 * {@link CorruptSavepointException}, a failed store operation a {@link SavepointException} or the store's
 * {@link io.sabot.api.savepoint.StoreException}; each message is one line.
 *
 * <p>Metrics: every creation counts in {@link StandardMetrics#SAVEPOINTS} with status {@code completed} or
 * {@code failed}; completed ones record their time in {@link StandardMetrics#SAVEPOINT_DURATION}.
 *
 * <p>Thread-safety: thread-safe; several managers (in several processes) may share a store.
 */
public final class SavepointManager {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointManager.class);
    private static final String METADATA = SnapshotMetadata.METADATA_FILE;

    private final SavepointStore store;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Metrics metrics;
    private final TempFileCleaner tempFileCleaner;
    private final boolean checksumStreamCopies;
    private final int copyThreads;
    private final TransferProgress progress;
    private final SnapshotMetadataJson json = new SnapshotMetadataJson();

    private SavepointManager(Builder b) {
        this.store = b.store;
        this.clock = b.clock;
        this.nanoTime = b.nanoTime;
        this.metrics = b.metrics;
        this.tempFileCleaner = b.tempFileCleaner;
        this.checksumStreamCopies = b.checksumStreamCopies;
        this.copyThreads = b.copyThreads;
        this.progress = b.progress;
    }

    /**
     * Starts a builder.
     *
     * @param savepointStore the store holding the savepoints
     * @return a builder with the defaults documented on {@link Builder}
     */
    public static Builder builder(SavepointStore savepointStore) {
        return new Builder(savepointStore);
    }

    /**
     * Creates a manager with the defaults of {@link Builder}.
     *
     * @param savepointStore the store holding the savepoints
     * @return the manager
     */
    public static SavepointManager of(SavepointStore savepointStore) {
        return builder(savepointStore).build();
    }

    /** {@return the store holding the savepoints} */
    public SavepointStore store() {
        return store;
    }

    // ---------------------------------------------------------------- create

    /**
     * Creates a savepoint from the latest completed checkpoint in a checkpoint store.
     *
     * @param checkpointStore the store holding the app's checkpoints ({@link CheckpointStorage} layout)
     * @param description     free text kept in the metadata; may be empty
     * @return the new savepoint and how its files were copied
     * @throws SavepointException if there is no completed checkpoint or the savepoint cannot be written (nothing
     *                            is committed then)
     * @throws IOException        if a store cannot be read
     */
    public CreatedSavepoint createFromLatestCheckpoint(SavepointStore checkpointStore, String description)
            throws IOException {
        long start = nanoTime.getAsLong();
        Optional<SnapshotMetadata> latest;
        try {
            latest = new CheckpointStorage(checkpointStore).latestCompleted();
        } catch (IOException | RuntimeException e) {
            failed();
            throw e;
        }
        if (latest.isEmpty()) {
            failed();
            throw new SavepointException("no completed checkpoint in " + checkpointStore.location()
                    + " to make a savepoint from; wait for the worker's next checkpoint or trigger one");
        }
        return create(checkpointStore, latest.get(), description, start);
    }

    /**
     * Creates a savepoint from one completed checkpoint. Every file the checkpoint's metadata lists is copied with
     * {@link SavepointStore#copyFrom} (a hard link on the same filesystem, a server-side copy from S3 to S3, a
     * stream otherwise), its size checked (and, for streamed copies, its CRC32C unless turned off in the
     * {@link Builder}), then the metadata is written last with {@link PutMode#CREATE_IF_ABSENT}. If anything fails
     * the copied files are removed (or left for {@link #cleanUp(Duration)}) and no savepoint is committed.
     *
     * @param checkpointStore the store holding the app's checkpoints ({@link CheckpointStorage} layout)
     * @param checkpointId    the checkpoint's number
     * @param description     free text kept in the metadata; may be empty
     * @return the new savepoint and how its files were copied
     * @throws SavepointException if the checkpoint is missing or incomplete, or the savepoint cannot be written
     * @throws IOException        if a store cannot be read
     */
    public CreatedSavepoint createFromCheckpoint(SavepointStore checkpointStore, long checkpointId,
                                                 String description) throws IOException {
        long start = nanoTime.getAsLong();
        Optional<SnapshotMetadata> checkpoint;
        try {
            checkpoint = new CheckpointStorage(checkpointStore).readMetadata(checkpointId);
        } catch (IOException | RuntimeException e) {
            failed();
            throw e;
        }
        if (checkpoint.isEmpty()) {
            failed();
            throw new SavepointException("no completed checkpoint " + CheckpointStorage.checkpointName(checkpointId)
                    + " in " + checkpointStore.location() + "; it is missing, incomplete or has unreadable metadata");
        }
        return create(checkpointStore, checkpoint.get(), description, start);
    }

    private CreatedSavepoint create(SavepointStore checkpointStore, SnapshotMetadata checkpoint, String description,
                                    long startNanos) throws IOException {
        Objects.requireNonNull(description, "description");
        Instant createdAt = clock.instant();
        SavepointId id = SavepointId.generate(createdAt);
        String prefix = id.value() + "/";
        String source = checkpoint.id() + "/";
        boolean committed = false;
        progress.started("savepoint " + id + " from checkpoint " + checkpoint.id(), checkpoint.totalBytes(),
                checkpoint.files().size());
        try {
            Set<CopyMethod> methods = new SnapshotCopier(checkpointStore, source, store, prefix,
                    "checkpoint " + checkpoint.id(), checksumStreamCopies, copyThreads, progress)
                    .copy(checkpoint.files());
            SnapshotMetadata metadata = new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION, SnapshotKind.SAVEPOINT,
                    id.value(), checkpoint.appId(), createdAt, description, checkpoint.checkpointId(),
                    checkpoint.agentIds(), checkpoint.files(), checkpoint.sourcePositions());
            try {
                store.put(prefix + METADATA, json.write(metadata), PutMode.CREATE_IF_ABSENT);
            } catch (KeyExistsException e) {
                committed = true; // another creator owns this id: leave its files alone
                throw new SavepointException("savepoint id " + id + " is already taken in " + store.location()
                        + "; try again", e);
            }
            committed = true;
            Duration took = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - startNanos));
            metrics.counter(StandardMetrics.SAVEPOINTS, "completed").inc();
            metrics.timer(StandardMetrics.SAVEPOINT_DURATION).record(took);
            CopyMethod overall = overall(methods);
            progress.finished(true);
            LOG.info("created savepoint {} in {} from checkpoint {} ({} files, {} bytes, {})", id, store.location(),
                    checkpoint.id(), checkpoint.files().size(), metadata.totalBytes(), overall);
            return new CreatedSavepoint(metadata, overall, took);
        } catch (IOException | RuntimeException | Error e) {
            progress.finished(false);
            failed();
            if (!committed) {
                removeQuietly(prefix);
            }
            if (e instanceof SavepointException || e instanceof Error) {
                throw e;
            }
            throw new SavepointException("cannot create a savepoint from checkpoint " + checkpoint.id() + " in "
                    + checkpointStore.location() + ": " + oneLine(e), e);
        }
    }

    private static CopyMethod overall(Set<CopyMethod> methods) {
        if (methods.size() == 1) {
            return methods.iterator().next();
        }
        return methods.isEmpty() ? CopyMethod.HARD_LINK : CopyMethod.STREAM;
    }

    private void failed() {
        metrics.counter(StandardMetrics.SAVEPOINTS, "failed").inc();
    }

    private void removeQuietly(String prefix) {
        try {
            removeAll(store, prefix);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the incomplete savepoint {} in {} ({}); savepoint clean-up will remove it",
                    prefix, store.location(), oneLine(e));
        }
    }

    /**
     * Removes every object under {@code prefix}. A pending interrupt (a copy that was interrupted) is held back while
     * it runs, since some stores abort their requests on it, and set again afterwards.
     */
    private static void removeAll(SavepointStore target, String prefix) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            for (StoredObject o : target.list(prefix)) {
                target.delete(o.key());
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The message of an exception on one line (some libraries' messages span several). */
    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    // ---------------------------------------------------------------- read

    /**
     * Lists the savepoints: one entry per savepoint directory that holds metadata, sorted by id (creation time).
     * An entry whose metadata cannot be read or is not valid carries a warning instead and hides nothing else;
     * directories without metadata (incomplete) are left out.
     *
     * @return the entries, oldest first
     * @throws IOException if the store cannot be listed
     */
    public List<SavepointEntry> list() throws IOException {
        List<SavepointEntry> entries = new ArrayList<>();
        for (String child : store.listChildren("")) {
            if (SavepointId.isValid(child)) {
                readEntry(child).ifPresent(entries::add);
            }
        }
        entries.sort((a, b) -> a.id().compareTo(b.id()));
        return entries;
    }

    private Optional<SavepointEntry> readEntry(String id) {
        String key = id + "/" + METADATA;
        byte[] bytes;
        try {
            bytes = store.read(key);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(SavepointEntry.unreadable(id, "cannot read the metadata of savepoint " + id + " ("
                    + key + " in " + store.location() + "): " + oneLine(e)));
        }
        SnapshotMetadata metadata;
        try {
            metadata = json.read(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.of(SavepointEntry.unreadable(id, "savepoint " + id + " has corrupt metadata (" + key
                    + " in " + store.location() + "): " + oneLine(e)));
        }
        if (metadata.kind() != SnapshotKind.SAVEPOINT || !metadata.id().equals(id)) {
            return Optional.of(SavepointEntry.unreadable(id, "savepoint " + id + " has the metadata of "
                    + metadata.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + metadata.id() + " (" + key
                    + " in " + store.location() + "); it was renamed or overwritten"));
        }
        return Optional.of(SavepointEntry.readable(metadata));
    }

    /**
     * Reads one savepoint's metadata.
     *
     * @param id the savepoint's id
     * @return its metadata
     * @throws IllegalArgumentException   if {@code id} is not a savepoint id
     * @throws SavepointNotFoundException if there is no (complete) savepoint of that id
     * @throws CorruptSavepointException  if its metadata is unreadable
     * @throws IOException                if the store cannot be read
     */
    public SnapshotMetadata show(String id) throws IOException {
        SavepointId parsed = SavepointId.parse(id);
        SavepointEntry entry = readEntry(parsed.value())
                .orElseThrow(() -> new SavepointNotFoundException(parsed.value(), store.location().toString()));
        if (entry.warning().isPresent()) {
            throw new CorruptSavepointException(entry.warning().get());
        }
        return entry.metadata().orElseThrow();
    }

    /**
     * Checks a savepoint: its metadata is valid and every file it lists exists with the recorded size and CRC32C
     * (read in full, streaming, in constant memory); files not in the metadata are reported too.
     *
     * @param id the savepoint's id
     * @return what was found; {@link VerificationResult#ok()} if intact
     * @throws IllegalArgumentException   if {@code id} is not a savepoint id
     * @throws SavepointNotFoundException if the store holds nothing under that id
     * @throws IOException                if the store cannot be listed
     */
    public VerificationResult verify(String id) throws IOException {
        SavepointId parsed = SavepointId.parse(id);
        String prefix = parsed.value() + "/";
        Optional<SavepointEntry> entry = readEntry(parsed.value());
        if (entry.isEmpty()) {
            if (store.list(prefix).isEmpty()) {
                throw new SavepointNotFoundException(parsed.value(), store.location().toString());
            }
            return new VerificationResult(parsed.value(), 0, 0, List.of("savepoint " + parsed + " is incomplete: it "
                    + "has no " + METADATA + " (an interrupted create or delete); clean-up removes it"));
        }
        if (entry.get().warning().isPresent()) {
            return new VerificationResult(parsed.value(), 0, 0, List.of(entry.get().warning().get()));
        }
        return verifyFiles(entry.get().metadata().orElseThrow(), true);
    }

    /**
     * Verifies every listed savepoint, including those whose metadata is unreadable (each gets a failed result).
     *
     * @return one result per savepoint, oldest first
     * @throws IOException if the store cannot be listed
     */
    public List<VerificationResult> verifyAll() throws IOException {
        List<VerificationResult> results = new ArrayList<>();
        for (SavepointEntry entry : list()) {
            if (entry.warning().isPresent()) {
                results.add(new VerificationResult(entry.id(), 0, 0, List.of(entry.warning().get())));
            } else {
                results.add(verifyFiles(entry.metadata().orElseThrow(), true));
            }
        }
        return results;
    }

    private VerificationResult verifyFiles(SnapshotMetadata metadata, boolean reportExtraFiles) throws IOException {
        String prefix = metadata.id() + "/";
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        int files = 0;
        long bytes = 0;
        for (SnapshotFile file : metadata.files()) {
            listed.add(file.path());
            Crc32cDigest digest;
            try (InputStream in = store.open(prefix + file.path())) {
                digest = Crc32cDigest.of(in);
            } catch (NoSuchKeyException e) {
                problems.add("savepoint " + metadata.id() + ": file '" + file.path() + "' is missing");
                continue;
            } catch (IOException e) {
                problems.add("savepoint " + metadata.id() + ": file '" + file.path() + "' cannot be read: "
                        + oneLine(e));
                continue;
            }
            files++;
            bytes += digest.size();
            if (digest.size() != file.size()) {
                problems.add("savepoint " + metadata.id() + ": file '" + file.path() + "' has " + digest.size()
                        + " bytes, the metadata says " + file.size());
            } else if (!digest.crc32c().equals(file.crc32c())) {
                problems.add("savepoint " + metadata.id() + ": file '" + file.path() + "' has crc32c "
                        + digest.crc32c() + ", the metadata says " + file.crc32c());
            }
        }
        for (StoredObject o : reportExtraFiles ? store.list(prefix) : List.<StoredObject>of()) {
            String path = o.key().substring(prefix.length());
            if (!path.equals(METADATA) && !listed.contains(path)) {
                problems.add("savepoint " + metadata.id() + ": extra file '" + path + "' is not in the metadata");
            }
        }
        return new VerificationResult(metadata.id(), files, bytes, problems);
    }

    // ---------------------------------------------------------------- delete, prune, clean up

    /**
     * Deletes a savepoint: its metadata first, then its files, so an interrupted delete leaves an incomplete
     * directory (removed by {@link #cleanUp(Duration)}) rather than a savepoint with missing files. A savepoint
     * with corrupt metadata can be deleted too.
     *
     * @param id the savepoint's id
     * @throws IllegalArgumentException   if {@code id} is not a savepoint id
     * @throws SavepointNotFoundException if the store holds nothing under that id
     * @throws IOException                if a delete fails
     */
    public void delete(String id) throws IOException {
        SavepointId parsed = SavepointId.parse(id);
        String prefix = parsed.value() + "/";
        List<StoredObject> objects = store.list(prefix);
        if (objects.isEmpty()) {
            throw new SavepointNotFoundException(parsed.value(), store.location().toString());
        }
        store.delete(prefix + METADATA);
        for (StoredObject o : objects) {
            if (!o.key().equals(prefix + METADATA)) {
                store.delete(o.key());
            }
        }
        LOG.info("deleted savepoint {} from {}", parsed, store.location());
    }

    /**
     * Deletes the savepoints a retention policy lets go (see {@link RetentionPolicy}), oldest first, each as
     * {@link #delete(String)} does. Savepoints with unreadable metadata are never pruned.
     *
     * @param policy what to keep
     * @param dryRun true to only report what would be deleted
     * @return what was (or would be) deleted and what is kept
     * @throws IOException if the store cannot be listed or a delete fails
     */
    public PruneResult prune(RetentionPolicy policy, boolean dryRun) throws IOException {
        Objects.requireNonNull(policy, "policy");
        List<SnapshotMetadata> all = new ArrayList<>();
        for (SavepointEntry entry : list()) {
            entry.metadata().ifPresent(all::add);
        }
        Instant now = clock.instant();
        int protectedFrom = policy.keepLast().isPresent()
                ? Math.max(0, all.size() - policy.keepLast().getAsInt()) : all.size();
        List<SnapshotMetadata> deleted = new ArrayList<>();
        List<SnapshotMetadata> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SnapshotMetadata m = all.get(i);
            boolean old = policy.olderThan().map(age -> m.createdAt().isBefore(now.minus(age))).orElse(true);
            if (i < protectedFrom && old) {
                deleted.add(m);
            } else {
                kept.add(m);
            }
        }
        if (!dryRun) {
            for (SnapshotMetadata m : deleted) {
                delete(m.id());
            }
        }
        return new PruneResult(dryRun, deleted, kept);
    }

    /**
     * Removes incomplete savepoint directories (no metadata: an interrupted create or delete) older than a grace
     * period, and the store's own temporary files as old (through the {@link TempFileCleaner} set in the builder).
     * A directory's age is measured from the later of the time in its id and its newest file, so a creation in
     * progress is left alone as long as it takes less than the grace period.
     *
     * @param gracePeriod how old a leftover must be to be removed; use at least the longest savepoint creation
     *                    (the CLI's default is one hour); {@link Duration#ZERO} removes every leftover and must
     *                    only be used when nothing is writing to the store
     * @return what was removed
     * @throws IOException if the store cannot be listed or a delete fails
     */
    public CleanupResult cleanUp(Duration gracePeriod) throws IOException {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("the clean-up grace period must not be negative, got " + gracePeriod);
        }
        Instant cutoff = clock.instant().minus(gracePeriod);
        List<String> removed = new ArrayList<>();
        for (String child : store.listChildren("")) {
            if (!SavepointId.isValid(child) || store.stat(child + "/" + METADATA).isPresent()) {
                continue;
            }
            List<StoredObject> objects = store.list(child + "/");
            Instant newest = SavepointId.parse(child).createdAt();
            for (StoredObject o : objects) {
                if (o.lastModified().isAfter(newest)) {
                    newest = o.lastModified();
                }
            }
            if (objects.isEmpty() || newest.isAfter(cutoff)) {
                continue;
            }
            for (StoredObject o : objects) {
                store.delete(o.key());
            }
            removed.add(child);
        }
        int temp = tempFileCleaner.deleteTempFiles(gracePeriod);
        if (!removed.isEmpty() || temp > 0) {
            LOG.info("removed {} incomplete savepoints {} and {} temporary files from {}", removed.size(), removed,
                    temp, store.location());
        }
        return new CleanupResult(removed, temp);
    }

    // ---------------------------------------------------------------- restore

    /**
     * Opens a savepoint for a worker to start from, after verifying it in full ({@link #verify(String)}). The
     * savepoint is never modified.
     *
     * @param id the savepoint's id
     * @return the verified savepoint; closing it does not close this manager's store
     * @throws IllegalArgumentException   if {@code id} is not a savepoint id
     * @throws SavepointNotFoundException if there is no savepoint of that id
     * @throws CorruptSavepointException  if it fails verification (the message names the first problem)
     * @throws IOException                if the store cannot be read
     */
    public SavepointRestore openForRestore(String id) throws IOException {
        return openVerified(id, false);
    }

    private SavepointRestore openVerified(String id, boolean ownsStore) throws IOException {
        SavepointId parsed = SavepointId.parse(id);
        Optional<SavepointEntry> entry = readEntry(parsed.value());
        if (entry.isEmpty()) {
            throw new SavepointNotFoundException(parsed.value(), store.location().toString());
        }
        if (entry.get().warning().isPresent()) {
            throw new CorruptSavepointException(entry.get().warning().get() + "; it cannot be restored");
        }
        SnapshotMetadata metadata = entry.get().metadata().orElseThrow();
        List<String> problems = verifyFiles(metadata, false).problems();
        if (!problems.isEmpty()) {
            throw new CorruptSavepointException(problems.get(0) + (problems.size() > 1 ? " (and "
                    + (problems.size() - 1) + " more problems)" : "") + "; it cannot be restored - run 'sabot "
                    + "savepoint verify " + parsed + "' for details");
        }
        return new SavepointRestore(store, metadata, ownsStore);
    }

    /**
     * Opens a savepoint given by its full location - the savepoint's own directory or prefix, such as
     * {@code file:///backups/sp/sp-20261203-163512-123-3f9a1c0b} or {@code s3://bucket/sp/sp-2026...} - for a
     * worker to start from, after verifying it. The store holding it is opened with {@code provider} and closed
     * when the returned restore is closed.
     *
     * @param savepointLocation the savepoint's location; its last path segment is the savepoint id
     * @param provider          opens the store of the location's parent (for its scheme)
     * @param options           the provider's options
     * @param metrics           where the manager reports (only creations are counted, so usually noop)
     * @return the verified savepoint
     * @throws IllegalArgumentException   if the location does not end in a savepoint id
     * @throws SavepointNotFoundException if there is no savepoint there
     * @throws CorruptSavepointException  if it fails verification
     * @throws IOException                if the store cannot be opened or read
     */
    public static SavepointRestore openForRestore(URI savepointLocation, SavepointStoreProvider provider,
                                                  Map<String, String> options, Metrics metrics) throws IOException {
        Objects.requireNonNull(provider, "provider");
        URI location = savepointLocation.getScheme() == null
                ? StoreLocations.parse(savepointLocation.toString()) : savepointLocation;
        String text = location.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        int slash = text.lastIndexOf('/');
        String id = text.substring(slash + 1);
        if (slash < 0 || !SavepointId.isValid(id)) {
            throw new IllegalArgumentException("savepoint location '" + text + "' does not end in a savepoint id "
                    + "(sp-YYYYMMDD-HHMMSS-mmm-xxxxxxxx); give the savepoint's own directory");
        }
        URI parent = URI.create(text.substring(0, slash + 1));
        SavepointStore parentStore = provider.open(parent, options);
        try {
            return builder(parentStore).metrics(metrics).build().openVerified(id, true);
        } catch (IOException | RuntimeException e) {
            parentStore.close();
            throw e;
        }
    }

    /**
     * Opens a savepoint given by its full location with the no-op metrics; see
     * {@link #openForRestore(URI, SavepointStoreProvider, Map, Metrics)}.
     *
     * @param savepointLocation the savepoint's location; its last path segment is the savepoint id
     * @param provider          opens the store of the location's parent
     * @param options           the provider's options
     * @return the verified savepoint
     * @throws IOException as the four-argument form
     */
    public static SavepointRestore openForRestore(URI savepointLocation, SavepointStoreProvider provider,
                                                  Map<String, String> options) throws IOException {
        return openForRestore(savepointLocation, provider, options, Metrics.noop());
    }

    /**
     * The original design's "restore as checkpoint": copies a verified savepoint into a checkpoint store as the next
     * checkpoint {@code chk-<n>} (one above the highest number present), so a worker started with
     * {@code --recover} resumes from it. The savepoint is not modified. Run it while no worker writes checkpoints
     * to that store.
     *
     * @param id              the savepoint's id
     * @param checkpointStore the app's checkpoint store
     * @return the new checkpoint's metadata
     * @throws IllegalArgumentException   if {@code id} is not a savepoint id
     * @throws SavepointNotFoundException if there is no savepoint of that id
     * @throws CorruptSavepointException  if it fails verification (nothing is written then)
     * @throws IOException                if the copy fails (no checkpoint is committed then)
     */
    public SnapshotMetadata restoreAsCheckpoint(String id, SavepointStore checkpointStore) throws IOException {
        SnapshotMetadata savepoint;
        try (SavepointRestore restore = openForRestore(id)) {
            savepoint = restore.metadata();
        }
        CheckpointStorage checkpoints = new CheckpointStorage(checkpointStore);
        List<Long> numbers = checkpoints.checkpointNumbers();
        long n = numbers.isEmpty() ? 1 : numbers.get(0) + 1;
        String name = CheckpointStorage.checkpointName(n);
        progress.started("savepoint " + savepoint.id() + " as checkpoint " + name, savepoint.totalBytes(),
                savepoint.files().size());
        try {
            new SnapshotCopier(store, savepoint.id() + "/", checkpointStore, name + "/", "savepoint " + savepoint.id(),
                    checksumStreamCopies, copyThreads, progress).copy(savepoint.files());
            SnapshotMetadata checkpoint = new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION,
                    SnapshotKind.CHECKPOINT, name, savepoint.appId(), clock.instant(),
                    "restored from savepoint " + savepoint.id(), n, savepoint.agentIds(), savepoint.files(),
                    savepoint.sourcePositions());
            checkpoints.writeMetadata(checkpoint);
            progress.finished(true);
            LOG.info("restored savepoint {} as checkpoint {} in {}", savepoint.id(), name,
                    checkpointStore.location());
            return checkpoint;
        } catch (KeyExistsException e) {
            progress.finished(false);
            throw new SavepointException("checkpoint " + name + " appeared in " + checkpointStore.location()
                    + " while restoring savepoint " + savepoint.id() + "; stop the worker and try again", e);
        } catch (IOException | RuntimeException | Error e) {
            progress.finished(false);
            try {
                removeAll(checkpointStore, name + "/");
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof SavepointException || e instanceof Error) {
                throw e;
            }
            throw new SavepointException("cannot restore savepoint " + savepoint.id() + " as a checkpoint in "
                    + checkpointStore.location() + ": " + oneLine(e), e);
        }
    }

    /**
     * Builds a {@link SavepointManager}.
     *
     * <p>Defaults: the system UTC clock (for ids, creation times and ages), {@link System#nanoTime()} for
     * durations, {@link Metrics#noop()}, no temporary-file clean-up ({@link TempFileCleaner#NONE}), streamed
     * copies checked by CRC32C ({@link #checksumStreamCopies(boolean)} true), {@value #DEFAULT_COPY_THREADS} files
     * copied at once and no progress reports. Not thread-safe.
     */
    public static final class Builder {

        /** Files copied at once unless {@link #copyThreads(int)} says otherwise. */
        public static final int DEFAULT_COPY_THREADS = 4;

        private final SavepointStore store;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private Metrics metrics = Metrics.noop();
        private TempFileCleaner tempFileCleaner = TempFileCleaner.NONE;
        private boolean checksumStreamCopies = true;
        private int copyThreads = DEFAULT_COPY_THREADS;
        private TransferProgress progress = TransferProgress.NONE;

        private Builder(SavepointStore store) {
            this.store = Objects.requireNonNull(store, "savepointStore");
        }

        /**
         * The clock for savepoint ids, creation times, retention ages and clean-up ages.
         *
         * @param clock default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The monotonic time source, in nanoseconds, for {@link CreatedSavepoint#duration()} and the duration metric.
         *
         * @param nanoTime default {@link System#nanoTime()}
         * @return this builder
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Where savepoint counts and durations are reported.
         *
         * @param metrics default {@link Metrics#noop()}
         * @return this builder
         */
        public Builder metrics(Metrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Removes the store's temporary files during {@link SavepointManager#cleanUp(Duration)}; for the filesystem
         * store pass {@code fsStore::deleteTempFiles}.
         *
         * @param cleaner default {@link TempFileCleaner#NONE}
         * @return this builder
         */
        public Builder tempFileCleaner(TempFileCleaner cleaner) {
            this.tempFileCleaner = Objects.requireNonNull(cleaner, "cleaner");
            return this;
        }

        /**
         * Whether a file copied by streaming (not a hard link or server-side copy) has its CRC32C compared with the
         * snapshot's metadata: the checkpoint's when creating a savepoint, the savepoint's when restoring one. The
         * bytes are checksummed as they stream; only between stores of one kind that had to stream (a filesystem
         * store across devices) is one file, the smallest, read back to find that out. Sizes are always compared.
         *
         * @param check default true; false skips the checksum (a later verify still checks)
         * @return this builder
         */
        public Builder checksumStreamCopies(boolean check) {
            this.checksumStreamCopies = check;
            return this;
        }

        /**
         * How many files a savepoint creation or restore copies at once. Several streams keep both a network store
         * busy (each S3 upload sends its parts one after another) and a second core checksumming.
         *
         * @param threads default {@value #DEFAULT_COPY_THREADS}; 1 copies one file after another on the calling thread
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder copyThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("copy threads must be at least 1, got " + threads);
            }
            this.copyThreads = threads;
            return this;
        }

        /**
         * Hears the bytes of every savepoint creation and restore as they are copied (a command-line tool draws a
         * progress bar with it).
         *
         * @param progress default {@link TransferProgress#NONE}
         * @return this builder
         */
        public Builder progress(TransferProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** {@return the manager} */
        public SavepointManager build() {
            return new SavepointManager(this);
        }
    }
}
