package io.sabot.runtime.checkpoint;

import io.sabot.api.Ids;
import io.sabot.api.agent.SourcePosition;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers checkpoints, collects the tasks' acknowledgements, writes each agent's state file and then the
 * checkpoint's metadata (last, create-if-absent) to the store, and keeps the last N completed checkpoints.
 *
 * <p>A checkpoint runs as in Flink's aligned checkpoints: the coordinator tells every {@link CheckpointParticipant}
 * that checkpoint {@code n} started; each source injects barrier {@code n} into its channel at its next consistent
 * point and reports its position; each agent snapshots its state when barrier {@code n} has arrived on all its
 * inputs, reports the snapshot and forwards the barrier. The coordinator writes each snapshot as it arrives, on its
 * own thread, so agents pause only to encode their state. When every task has reported and every file is written,
 * it writes {@code chk-n/_metadata.json}: the checkpoint is then complete. If a task fails, a write fails or the
 * checkpoint times out, it is aborted: its files are removed and the previous checkpoint stays the latest.
 *
 * <p>At most one checkpoint is in progress: a periodic trigger while one runs is skipped; an on-demand trigger waits
 * for it and then starts a new one. Checkpoint numbers continue after the highest one found in the store.
 *
 * <p>Defaults: keep 3 checkpoints, time out after 10 minutes, no metrics, the system clock, a single daemon thread
 * of its own for scheduling and writes. Thread-safety: thread-safe.
 */
public final class CheckpointCoordinator implements CheckpointAcks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final String appId;
    private final CheckpointStorage storage;
    private final int retained;
    private final Duration timeout;
    private final Metrics metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Object lock = new Object();

    private List<CheckpointParticipant> participants = List.of();
    private Set<String> sourceIds = Set.of();
    private Pending pending;
    private CompletableFuture<SnapshotMetadata> queued;
    private long nextId = 1;
    private SnapshotMetadata latest;
    private ScheduledFuture<?> periodic;
    private boolean closed;

    private CheckpointCoordinator(Builder b) {
        this.appId = b.appId;
        this.storage = new CheckpointStorage(b.store);
        this.retained = b.retained;
        this.timeout = b.timeout;
        this.metrics = b.metrics;
        this.clock = b.clock;
        this.nanoTime = b.nanoTime;
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownsExecutor = false;
        } else {
            this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sabot-checkpoints-" + appId);
                t.setDaemon(true);
                return t;
            });
            this.ownsExecutor = true;
        }
    }

    /**
     * Starts a builder.
     *
     * @param appId the app whose checkpoints these are
     * @param store the store holding them (the app's checkpoint directory)
     * @return a builder with the defaults described on this class
     */
    public static Builder builder(String appId, SavepointStore store) {
        return new Builder(appId, store);
    }

    /** {@return the checkpoints' layout on the store} */
    public CheckpointStorage storage() {
        return storage;
    }

    /**
     * Sets the tasks that take part in every checkpoint. Call once, before the first trigger.
     *
     * @param sources the sources
     * @param agents  the agents
     */
    public void register(List<? extends CheckpointParticipant> sources, List<? extends CheckpointParticipant> agents) {
        List<CheckpointParticipant> all = new ArrayList<>(sources);
        all.addAll(agents);
        Set<String> ids = new LinkedHashSet<>();
        for (CheckpointParticipant p : sources) {
            ids.add(p.id());
        }
        synchronized (lock) {
            this.participants = List.copyOf(all);
            this.sourceIds = Set.copyOf(ids);
        }
    }

    /**
     * Reads the store: finds the latest completed checkpoint (which {@link #recoveryState()} then restores from),
     * continues numbering after the highest checkpoint present, and removes incomplete leftovers.
     *
     * @return the latest completed checkpoint, if any
     * @throws IOException if the store cannot be read
     */
    public Optional<SnapshotMetadata> initialize() throws IOException {
        List<Long> numbers = storage.checkpointNumbers();
        Optional<SnapshotMetadata> found = storage.latestCompleted();
        long next = numbers.isEmpty() ? 1 : numbers.get(0) + 1;
        List<Long> removed = storage.deleteIncompleteBefore(next);
        if (!removed.isEmpty()) {
            LOG.info("removed incomplete checkpoints {} from {}", removed, storage.store().location());
        }
        synchronized (lock) {
            this.nextId = Math.max(nextId, next);
            this.latest = found.orElse(null);
        }
        return found;
    }

    /** {@return the latest checkpoint completed by this coordinator or found by {@link #initialize()}} */
    public Optional<SnapshotMetadata> latestCompleted() {
        synchronized (lock) {
            return Optional.ofNullable(latest);
        }
    }

    /**
     * The state tasks resume from: the latest completed checkpoint at the time each task starts.
     *
     * @return a recovery state reading from this coordinator's store
     */
    public RecoveryState recoveryState() {
        return new RecoveryState() {
            @Override
            public Optional<byte[]> agentState(String agentId) throws IOException {
                Optional<SnapshotMetadata> m = latestCompleted();
                return m.isPresent() ? storage.readState(m.get(), agentId) : Optional.empty();
            }

            @Override
            public Optional<SourcePosition> sourcePosition(String source) {
                return latestCompleted().map(m -> m.sourcePositions().get(source));
            }
        };
    }

    /**
     * Triggers checkpoints every {@code interval}, the first one {@code interval} from now. A trigger while a
     * checkpoint is in progress is skipped.
     *
     * @param interval the period; positive
     */
    public void startPeriodic(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("checkpoint interval must be positive, got " + interval);
        }
        synchronized (lock) {
            if (periodic != null) {
                periodic.cancel(false);
            }
            long nanos = interval.toNanos();
            periodic = executor.scheduleAtFixedRate(this::periodicTrigger, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops periodic checkpoints; one in progress continues. */
    public void stopPeriodic() {
        synchronized (lock) {
            if (periodic != null) {
                periodic.cancel(false);
                periodic = null;
            }
        }
    }

    private void periodicTrigger() {
        synchronized (lock) {
            if (pending != null || closed) {
                LOG.debug("periodic checkpoint skipped: checkpoint {} is in progress", pending);
                return;
            }
        }
        trigger().exceptionally(e -> null);
    }

    /**
     * Triggers a checkpoint now, or as soon as the one in progress ends.
     *
     * @return completes with the checkpoint's metadata once it is durable, or exceptionally if it is aborted
     */
    public CompletableFuture<SnapshotMetadata> trigger() {
        Pending started;
        List<CheckpointParticipant> toNotify;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("checkpoint coordinator is closed"));
            }
            if (pending != null) {
                if (queued == null) {
                    queued = new CompletableFuture<>();
                }
                return queued;
            }
            started = start();
            toNotify = participants;
        }
        notifyTriggered(started, toNotify);
        return started.future;
    }

    private Pending start() {
        Pending p = new Pending(nextId++, nanoTime.getAsLong());
        for (CheckpointParticipant participant : participants) {
            p.awaiting.add(participant.id());
        }
        pending = p;
        p.timeoutTask = executor.schedule(() -> abort(p.id, "it did not complete within " + timeout),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        LOG.debug("checkpoint {} triggered", p.id);
        if (p.awaiting.isEmpty()) {
            executor.execute(() -> finish(p));
        }
        return p;
    }

    private void notifyTriggered(Pending p, List<CheckpointParticipant> toNotify) {
        for (CheckpointParticipant participant : toNotify) {
            try {
                participant.checkpointTriggered(p.id);
            } catch (RuntimeException e) {
                abort(p.id, "task '" + participant.id() + "' could not start it: " + e);
                return;
            }
        }
    }

    @Override
    public void acknowledgeAgent(long checkpointId, String agentId, byte[] state) {
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            Pending p = current(checkpointId, agentId);
            if (p == null || sourceIds.contains(agentId)) {
                return;
            }
            p.agentIds.add(agentId);
            p.writes++;
            executor.execute(() -> write(p, agentId, state));
            arrived(p, agentId);
        }
    }

    @Override
    public void acknowledgeSource(long checkpointId, String source, SourcePosition position) {
        Objects.requireNonNull(position, "position");
        synchronized (lock) {
            Pending p = current(checkpointId, source);
            if (p == null || !sourceIds.contains(source)) {
                return;
            }
            p.positions.put(source, position);
            arrived(p, source);
        }
    }

    private Pending current(long checkpointId, String task) {
        Pending p = pending;
        if (p == null || p.id != checkpointId || !p.awaiting.contains(task)) {
            LOG.debug("ignoring acknowledgement of checkpoint {} by '{}': not awaited", checkpointId, task);
            return null;
        }
        return p;
    }

    private void arrived(Pending p, String task) {
        p.awaiting.remove(task);
        if (p.awaiting.isEmpty()) {
            // runs after every write submitted before it, on the single-threaded executor
            executor.execute(() -> finish(p));
        }
    }

    private void write(Pending p, String agentId, byte[] state) {
        synchronized (lock) {
            if (pending != p) {
                return;
            }
        }
        try {
            SnapshotFile file = storage.writeState(p.id, agentId, state);
            synchronized (lock) {
                p.files.put(agentId, file);
            }
        } catch (IOException | RuntimeException e) {
            abort(p.id, "writing the state of agent '" + agentId + "' failed: " + e.getMessage());
        }
    }

    private void finish(Pending p) {
        List<String> agents;
        List<SnapshotFile> files = new ArrayList<>();
        Map<String, SourcePosition> positions;
        synchronized (lock) {
            if (pending != p) {
                return;
            }
            agents = new ArrayList<>(p.agentIds);
            for (String a : agents) {
                SnapshotFile f = p.files.get(a);
                if (f == null) {
                    abortLocked(p, "the state of agent '" + a + "' was not written");
                    return;
                }
                files.add(f);
            }
            positions = new LinkedHashMap<>(p.positions);
        }
        SnapshotMetadata metadata = new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION, SnapshotKind.CHECKPOINT,
                CheckpointStorage.checkpointName(p.id), appId, clock.instant(), "", p.id, agents, files, positions);
        try {
            storage.writeMetadata(metadata);
        } catch (IOException | RuntimeException e) {
            abort(p.id, "writing its metadata failed: " + e.getMessage());
            return;
        }
        CompletableFuture<SnapshotMetadata> next;
        synchronized (lock) {
            if (pending != p) {
                // aborted (timed out) while the metadata was written: the abort removes the files
                return;
            }
            p.timeoutTask.cancel(false);
            pending = null;
            latest = metadata;
            next = queued;
            queued = null;
        }
        long nanos = nanoTime.getAsLong() - p.startNanos;
        metrics.counter(StandardMetrics.CHECKPOINTS, "completed").inc();
        metrics.timer(StandardMetrics.CHECKPOINT_DURATION).recordNanos(Math.max(0, nanos));
        metrics.histogram(StandardMetrics.CHECKPOINT_SIZE).update(metadata.totalBytes());
        LOG.info("checkpoint {} completed: {} agents, {} bytes, {} ms", p.id, agents.size(), metadata.totalBytes(),
                TimeUnit.NANOSECONDS.toMillis(nanos));
        try {
            List<Long> deleted = storage.retain(retained, p.id);
            if (!deleted.isEmpty()) {
                LOG.debug("removed checkpoints {}", deleted);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove old checkpoints from {}: {}", storage.store().location(), e.getMessage());
        }
        p.future.complete(metadata);
        startQueued(next);
    }

    private void startQueued(CompletableFuture<SnapshotMetadata> next) {
        if (next == null) {
            return;
        }
        trigger().whenComplete((m, e) -> {
            if (e != null) {
                next.completeExceptionally(e);
            } else {
                next.complete(m);
            }
        });
    }

    @Override
    public void taskFailed(String task, Throwable cause) {
        abortPending("task '" + task + "' failed: " + cause);
    }

    /**
     * Aborts the checkpoint in progress, if any: used when a region restarts, since barriers not yet injected are
     * dropped with the region's state.
     *
     * @param reason why, for the log and the future's exception
     */
    public void abortPending(String reason) {
        long id;
        synchronized (lock) {
            if (pending == null) {
                return;
            }
            id = pending.id;
        }
        abort(id, reason);
    }

    /**
     * Aborts a checkpoint in progress: its future fails, its files are removed, the tasks aligning for it stop
     * waiting. Does nothing if it is not in progress.
     *
     * @param checkpointId the checkpoint
     * @param reason       why, for the log and the future's exception
     */
    public void abort(long checkpointId, String reason) {
        synchronized (lock) {
            Pending p = pending;
            if (p == null || p.id != checkpointId) {
                return;
            }
            abortLocked(p, reason);
        }
    }

    private void abortLocked(Pending p, String reason) {
        pending = null;
        if (p.timeoutTask != null) {
            p.timeoutTask.cancel(false);
        }
        CompletableFuture<SnapshotMetadata> next = queued;
        queued = null;
        List<CheckpointParticipant> toNotify = participants;
        LOG.warn("checkpoint {} aborted: {}", p.id, reason);
        metrics.counter(StandardMetrics.CHECKPOINTS, "failed").inc();
        executor.execute(() -> {
            for (CheckpointParticipant participant : toNotify) {
                participant.checkpointAborted(p.id);
            }
            try {
                storage.delete(p.id);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove aborted checkpoint {}: {}", p.id, e.getMessage());
            }
            p.future.completeExceptionally(new CheckpointAbortedException(p.id, reason));
            startQueued(next);
        });
    }

    /** Stops periodic checkpoints, aborts one in progress and releases the coordinator's own thread. */
    @Override
    public void close() {
        Pending p;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (periodic != null) {
                periodic.cancel(false);
            }
            p = pending;
        }
        if (p != null) {
            abort(p.id, "the coordinator was closed");
        }
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    /** A checkpoint in progress; guarded by the coordinator's lock. */
    private static final class Pending {
        final long id;
        final long startNanos;
        final Set<String> awaiting = new LinkedHashSet<>();
        final Set<String> agentIds = new LinkedHashSet<>();
        final Map<String, SourcePosition> positions = new LinkedHashMap<>();
        final Map<String, SnapshotFile> files = new LinkedHashMap<>();
        final CompletableFuture<SnapshotMetadata> future = new CompletableFuture<>();
        int writes;
        ScheduledFuture<?> timeoutTask;

        Pending(long id, long startNanos) {
            this.id = id;
            this.startNanos = startNanos;
        }

        @Override
        public String toString() {
            return String.valueOf(id);
        }
    }

    /** Builds a {@link CheckpointCoordinator}. Not thread-safe. */
    public static final class Builder {
        private final String appId;
        private final SavepointStore store;
        private int retained = 3;
        private Duration timeout = Duration.ofMinutes(10);
        private Metrics metrics = Metrics.noop();
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private ScheduledExecutorService executor;

        private Builder(String appId, SavepointStore store) {
            this.appId = Ids.requireValid("app id", appId);
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets how many completed checkpoints are kept. Default 3.
         *
         * @param count 1 or more
         * @return this builder
         */
        public Builder retained(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("retained checkpoints must be 1 or more, got " + count);
            }
            this.retained = count;
            return this;
        }

        /**
         * Sets how long a checkpoint may take before it is aborted. Default 10 minutes.
         *
         * @param value positive
         * @return this builder
         */
        public Builder timeout(Duration value) {
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("checkpoint timeout must be positive, got " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * Sets where checkpoint counts, durations and sizes are recorded. Default: nowhere.
         *
         * @param value the metrics
         * @return this builder
         */
        public Builder metrics(Metrics value) {
            this.metrics = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /**
         * Sets the clock of the metadata's creation time. Default: the system UTC clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the clock durations are measured with. Default {@link System#nanoTime()}.
         *
         * @param value a monotonic nanosecond clock
         * @return this builder
         */
        public Builder nanoTime(LongSupplier value) {
            this.nanoTime = Objects.requireNonNull(value, "nanoTime");
            return this;
        }

        /**
         * Sets the single-threaded executor for triggers, timeouts and writes; the coordinator then does not shut it
         * down. Default: a daemon thread of its own. It must run tasks one at a time, in order.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(ScheduledExecutorService value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** {@return the coordinator} */
        public CheckpointCoordinator build() {
            return new CheckpointCoordinator(this);
        }
    }
}
