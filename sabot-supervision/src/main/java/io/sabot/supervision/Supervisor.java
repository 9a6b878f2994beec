package io.sabot.supervision;

import io.sabot.api.Ids;
import io.sabot.api.supervision.Backoff;
import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildCounts;
import io.sabot.api.supervision.ChildInfo;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.ChildType;
import io.sabot.api.supervision.ExitReason;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.SupervisionEvent;
import io.sabot.api.supervision.SupervisionListener;
import io.sabot.api.supervision.SupervisionStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Erlang/OTP-style supervisor: starts its children in order, restarts them by its {@link SupervisionStrategy}
 * when they exit, gives up when restarts exceed its {@link RestartIntensity}, and terminates its children in reverse
 * start order when it stops.
 *
 * <p><b>Threads.</b> Every child runs on its own thread ({@link ChildThreads}). All of the supervisor's state is owned
 * by one control thread that handles one message at a time: child exits (posted by the child's thread the moment its
 * body ends, so nothing polls), management calls, delayed restarts and the stop request. Stopping a child blocks the
 * control thread for at most the child's {@link io.sabot.api.supervision.Shutdown} timeout plus its interrupt
 * grace, as in OTP; a child that still runs after that is reported stuck and abandoned.
 *
 * <p><b>Restarts.</b> When a child exits and its {@link RestartPolicy} says it must restart, the supervisor records
 * a restart in its sliding window (the (R+1)-th restart within T makes it give up), asks the strategy which children
 * restart, terminates those still running in reverse start order, waits for the {@link Backoff} delay if one is set,
 * and starts them again in start order. Siblings that are not running because they were terminated for good stay
 * down. A start that fails during a restart is reported, counts toward the intensity, and is retried through the
 * strategy with the child that failed to start as the failed child: ONE_FOR_ALL restarts the whole group again,
 * REST_FOR_ONE resumes from that child.
 *
 * <p><b>Giving up.</b> The supervisor terminates all children in reverse start order, emits
 * {@link SupervisionEvent.SupervisorGaveUp}, completes {@link #termination()} with {@link SupervisorOutcome.Kind#GAVE_UP}
 * and, if it is a root supervisor, calls the {@link Builder#onRootGaveUp(Consumer)} callback. A nested supervisor
 * (built with {@link Builder#asChildSpec()}) instead fails its parent's child, and the parent applies its own
 * strategy (escalation).
 *
 * <p>Thread-safety: every public method may be called from any thread except the supervisor's own control thread
 * (that is, not from a {@link SupervisionListener}); management calls block until the control thread has handled
 * them.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    private enum Phase { NEW, RUNNING, TERMINATED }

    private final Settings settings;
    private final boolean root;
    private final ScheduledThreadPoolExecutor control;
    private final ExecutorService childThreads;
    private final CompletableFuture<SupervisorOutcome> termination = new CompletableFuture<>();
    private final AtomicBoolean startCalled = new AtomicBoolean();
    private volatile Thread controlThread;

    // Owned by the control thread.
    private final Map<String, ChildRecord> children = new LinkedHashMap<>();
    private final RestartWindow window;
    private final SplittableRandom random = new SplittableRandom();
    private Phase phase = Phase.NEW;
    private long dynamicSequence;

    private Supervisor(Settings settings, boolean root) {
        this.settings = settings;
        this.root = root;
        this.window = new RestartWindow(settings.intensity);
        this.control = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "sabot-supervisor-" + settings.id);
            controlThread = t;
            return t;
        });
        control.setRemoveOnCancelPolicy(true);
        control.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.childThreads = settings.threads.newExecutor(settings.id, settings.threadKeepAlive);
    }

    /**
     * Starts a builder.
     *
     * @param id the supervisor's id, a valid {@link Ids identifier}; it names its threads and its events
     * @return a builder with the defaults described on {@link Builder}
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** {@return the supervisor's id} */
    public String id() {
        return settings.id;
    }

    /** {@return the strategy's name} */
    public String strategyName() {
        return settings.strategy.name();
    }

    /**
     * Starts the children in order and returns once all are running. If one fails to start, the children started
     * before it are terminated in reverse order, the supervisor ends with {@link SupervisorOutcome.Kind#FAILED_TO_START}
     * and this method throws.
     *
     * @throws ChildStartException   if a child fails to start
     * @throws IllegalStateException if called more than once
     */
    public void start() {
        if (!startCalled.compareAndSet(false, true)) {
            throw new IllegalStateException("supervisor '" + settings.id + "' was already started");
        }
        call(() -> {
            phase = Phase.RUNNING;
            for (ChildSpec spec : settings.children) {
                children.put(spec.id(), new ChildRecord(spec, List.of()));
            }
            for (ChildRecord record : List.copyOf(children.values())) {
                try {
                    startRun(record);
                } catch (ChildStartException e) {
                    record.lastExit = ExitReason.failure(e.getCause());
                    terminateAll();
                    finish(new SupervisorOutcome(SupervisorOutcome.Kind.FAILED_TO_START, record.lastExit));
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Adds a child and starts it, after the existing children (OTP's {@code start_child}). Not for a dynamic-children
     * supervisor: use {@link #startChild(List)}.
     *
     * @param spec the child's spec; its id must be new to this supervisor
     * @return the child's id
     * @throws IllegalArgumentException if the id is taken
     * @throws ChildStartException      if the child fails to start; the spec is not kept
     * @throws IllegalStateException    if the supervisor is not running or holds dynamic children
     */
    public String startChild(ChildSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return call(() -> {
            if (settings.template != null) {
                throw new IllegalStateException("supervisor '" + settings.id + "' uses " + settings.strategy.name()
                        + ": start its children with startChild(args), not with a spec");
            }
            if (children.containsKey(spec.id())) {
                throw new IllegalArgumentException("supervisor '" + settings.id + "' already has a child '"
                        + spec.id() + "': child ids must be unique");
            }
            return addAndStart(new ChildRecord(spec, List.of()));
        });
    }

    /**
     * Starts a dynamic child from the template with {@code args} (OTP's {@code start_child} of a
     * {@code simple_one_for_one} supervisor). Its id is the template's id, a dash and a sequence number.
     *
     * @param args handed to the template's factory at every start and restart
     * @return the new child's id
     * @throws IllegalStateException if the supervisor is not running, does not hold dynamic children, or already
     *                               holds its maximum number of children
     * @throws ChildStartException   if the child fails to start
     */
    public String startChild(List<Object> args) {
        List<Object> copy = List.copyOf(args);
        return call(() -> {
            if (settings.template == null) {
                throw new IllegalStateException("supervisor '" + settings.id + "' uses " + settings.strategy.name()
                        + ": only a dynamic-children strategy (such as simple_one_for_one) starts children from args");
            }
            if (children.size() >= settings.maxChildren) {
                throw new IllegalStateException("supervisor '" + settings.id + "' already has its maximum of "
                        + settings.maxChildren + " children; terminate one first or raise maxChildren");
            }
            String id = settings.template.id() + "-" + (++dynamicSequence);
            return addAndStart(new ChildRecord(settings.template.withId(id), copy));
        });
    }

    /**
     * Stops a child (OTP's {@code terminate_child}): asks it to stop, interrupts it after its shutdown timeout and
     * reports it stuck after its interrupt grace. A static child's spec is kept so it can be restarted with
     * {@link #restartChild(String)}, except a {@link RestartPolicy#TEMPORARY} one; a dynamic child is removed.
     *
     * @param id the child's id
     * @throws IllegalArgumentException if there is no such child
     * @throws IllegalStateException    if the supervisor is not running
     */
    public void terminateChild(String id) {
        call(() -> {
            ChildRecord record = require(id);
            // A pending group restart still starts the other members; startGroup skips this one.
            if (record.run != null) {
                terminateRun(record, false);
            } else if (record.state == ChildState.RESTARTING) {
                record.state = ChildState.TERMINATED;
            }
            if (settings.template != null || record.spec.restart() == RestartPolicy.TEMPORARY) {
                children.remove(id);
            }
            return null;
        });
    }

    /**
     * Starts again a child that is not running (OTP's {@code restart_child}). This is not counted toward the
     * restart intensity.
     *
     * @param id the child's id
     * @throws IllegalArgumentException if there is no such child
     * @throws IllegalStateException    if it is running or about to restart, or the supervisor is not running
     * @throws ChildStartException      if it fails to start; it stays terminated
     */
    public void restartChild(String id) {
        call(() -> {
            ChildRecord record = requireStopped(id, "restart");
            startRun(record);
            record.restarts++;
            return null;
        });
    }

    /**
     * Removes the spec of a child that is not running (OTP's {@code delete_child}).
     *
     * @param id the child's id
     * @throws IllegalArgumentException if there is no such child
     * @throws IllegalStateException    if it is running or about to restart, or the supervisor is not running
     */
    public void deleteChild(String id) {
        call(() -> {
            requireStopped(id, "delete");
            children.remove(id);
            return null;
        });
    }

    /**
     * Describes every child, in start order (OTP's {@code which_children}).
     *
     * @return a snapshot
     * @throws IllegalStateException if the supervisor is not running
     */
    public List<ChildInfo> whichChildren() {
        return call(() -> {
            List<ChildInfo> infos = new ArrayList<>(children.size());
            for (ChildRecord record : children.values()) {
                infos.add(record.info());
            }
            return infos;
        });
    }

    /**
     * Counts the children (OTP's {@code count_children}).
     *
     * @return a snapshot
     * @throws IllegalStateException if the supervisor is not running
     */
    public ChildCounts countChildren() {
        return call(() -> {
            int active = 0;
            int supervisors = 0;
            for (ChildRecord record : children.values()) {
                if (record.run != null) {
                    active++;
                }
                if (record.spec.type() == ChildType.SUPERVISOR) {
                    supervisors++;
                }
            }
            return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
        });
    }

    /**
     * Completes when the supervisor has ended and all its children are terminated (or reported stuck).
     *
     * @return the future of how it ended; never completes exceptionally
     */
    public CompletableFuture<SupervisorOutcome> termination() {
        return termination;
    }

    /**
     * Asks the supervisor to terminate its children in reverse start order and end; returns at once. Idempotent.
     */
    public void stopAsync() {
        if (!startCalled.get()) {
            synchronized (this) {
                if (startCalled.compareAndSet(false, true)) {
                    finishExecutors();
                    termination.complete(new SupervisorOutcome(SupervisorOutcome.Kind.STOPPED, ExitReason.shutdown()));
                    return;
                }
            }
        }
        try {
            control.execute(guarded(() -> {
                if (phase == Phase.RUNNING) {
                    terminateAll();
                    finish(new SupervisorOutcome(SupervisorOutcome.Kind.STOPPED, ExitReason.shutdown()));
                }
            }));
        } catch (RejectedExecutionException e) {
            // already ended
        }
    }

    /**
     * Stops the supervisor and waits until it has ended. Idempotent.
     *
     * @return how the supervisor ended (it may have ended before this call, for example by giving up)
     * @throws IllegalStateException if called from the supervisor's own thread (a listener)
     */
    public SupervisorOutcome stop() {
        requireNotControlThread();
        stopAsync();
        return termination.join();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- control thread

    private String addAndStart(ChildRecord record) {
        children.put(record.id(), record);
        try {
            startRun(record);
        } catch (ChildStartException e) {
            children.remove(record.id());
            throw e;
        }
        return record.id();
    }

    private ChildRecord require(String id) {
        ChildRecord record = children.get(id);
        if (record == null) {
            throw new IllegalArgumentException("supervisor '" + settings.id + "' has no child '" + id
                    + "'; its children are " + children.keySet());
        }
        return record;
    }

    private ChildRecord requireStopped(String id, String action) {
        ChildRecord record = require(id);
        if (record.run != null || record.state == ChildState.RESTARTING) {
            throw new IllegalStateException("cannot " + action + " child '" + id + "' of supervisor '"
                    + settings.id + "': it is " + record.state.name().toLowerCase(java.util.Locale.ROOT)
                    + "; terminate it first");
        }
        return record;
    }

    /** Creates the child with its factory and hands it to a thread. */
    private void startRun(ChildRecord record) {
        record.state = ChildState.STARTING;
        Child child;
        try {
            child = record.spec.factory().create(record.args);
            if (child == null) {
                throw new NullPointerException("the factory returned null");
            }
        } catch (Exception e) {
            record.state = ChildState.TERMINATED;
            throw new ChildStartException(settings.id, record.id(), e);
        }
        ChildRun run = new ChildRun(settings.id, record.id(), child, this::postExit);
        record.run = run;
        record.state = ChildState.RUNNING;
        record.lastStartedAt = settings.clock.instant();
        childThreads.execute(run);
        emit(new SupervisionEvent.ChildStarted(settings.id, record.id(), record.lastStartedAt));
    }

    private void postExit(ChildRun run) {
        try {
            control.execute(guarded(() -> handleExit(run)));
        } catch (RejectedExecutionException e) {
            // the supervisor has ended; nothing to do
        }
    }

    private void handleExit(ChildRun run) {
        ChildRecord record = children.get(run.childId());
        if (phase != Phase.RUNNING || record == null || record.run != run) {
            return; // a run the supervisor already terminated
        }
        record.run = null;
        ExitReason reason = run.reason();
        record.lastExit = reason;
        Instant now = settings.clock.instant();
        emit(new SupervisionEvent.ChildExited(settings.id, record.id(), reason, now));
        if (record.spec.type() == ChildType.SUPERVISOR && reason.isAbnormal()) {
            emit(new SupervisionEvent.SupervisorEscalated(settings.id, record.id(), now));
        }
        if (!record.spec.restart().restartsAfter(reason)) {
            record.state = ChildState.TERMINATED;
            if (record.spec.restart() == RestartPolicy.TEMPORARY || settings.template != null) {
                children.remove(record.id());
            }
            return;
        }
        record.state = ChildState.RESTARTING;
        if (!window.tryRecord(now)) {
            giveUp(reason);
            return;
        }
        if (record.lastStartedAt != null && !settings.backoff.isNone()
                && Duration.between(record.lastStartedAt, now).compareTo(settings.backoff.resetAfter()) >= 0) {
            record.backoffAttempt = 0;
        }
        record.backoffAttempt++;
        restartGroup(record, Set.of(), run.exitNanos());
    }

    /**
     * Terminates the running members of {@code trigger}'s restart set, then starts the set (after the backoff delay).
     */
    private void restartGroup(ChildRecord trigger, Set<String> carriedOver, long sinceNanos) {
        List<ChildSpec> specs = new ArrayList<>(children.size());
        for (ChildRecord r : children.values()) {
            specs.add(r.spec);
        }
        List<String> chosen = settings.strategy.childrenToRestart(trigger.spec, specs);
        if (chosen == null || !chosen.contains(trigger.id())) {
            throw new IllegalStateException("strategy '" + settings.strategy.name() + "' did not name the failed child '"
                    + trigger.id() + "' among the children to restart: " + chosen);
        }
        Set<String> set = new HashSet<>(chosen);
        set.addAll(carriedOver);
        List<ChildRecord> group = new ArrayList<>();
        for (ChildRecord r : children.values()) {
            if (set.remove(r.id())) {
                group.add(r);
            }
        }
        if (!set.isEmpty()) {
            throw new IllegalStateException("strategy '" + settings.strategy.name() + "' named unknown children "
                    + set);
        }
        for (int i = group.size() - 1; i >= 0; i--) {
            ChildRecord r = group.get(i);
            if (r.run != null) {
                terminateRun(r, true);
            }
        }
        List<ChildRecord> toStart = new ArrayList<>();
        for (ChildRecord r : group) {
            if (r == trigger || r.state == ChildState.RESTARTING) {
                if (r.spec.restart() == RestartPolicy.TEMPORARY && r != trigger) {
                    children.remove(r.id());
                    continue;
                }
                r.state = ChildState.RESTARTING;
                r.pendingSinceNanos = sinceNanos;
                toStart.add(r);
            }
        }
        Duration delay = settings.backoff.isNone() ? Duration.ZERO
                : settings.backoff.delay(trigger.backoffAttempt, random.nextDouble());
        if (delay.isZero()) {
            startGroup(toStart);
        } else {
            trigger.pendingRestart = control.schedule(guarded(() -> {
                trigger.pendingRestart = null;
                if (phase == Phase.RUNNING) {
                    startGroup(toStart);
                }
            }), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void startGroup(List<ChildRecord> group) {
        for (int i = 0; i < group.size(); i++) {
            ChildRecord r = group.get(i);
            if (children.get(r.id()) != r || r.state != ChildState.RESTARTING) {
                continue; // terminated or deleted meanwhile
            }
            try {
                startRun(r);
            } catch (ChildStartException e) {
                ExitReason failure = ExitReason.failure(e.getCause());
                r.state = ChildState.RESTARTING;
                r.lastExit = failure;
                Instant now = settings.clock.instant();
                emit(new SupervisionEvent.ChildRestartFailed(settings.id, r.id(), failure, now));
                if (!window.tryRecord(now)) {
                    giveUp(failure);
                    return;
                }
                r.backoffAttempt++;
                Set<String> rest = new LinkedHashSet<>();
                for (ChildRecord later : group.subList(i + 1, group.size())) {
                    if (later.state == ChildState.RESTARTING) {
                        rest.add(later.id());
                    }
                }
                long since = r.pendingSinceNanos;
                control.execute(guarded(() -> {
                    if (phase == Phase.RUNNING && children.get(r.id()) == r && r.state == ChildState.RESTARTING) {
                        restartGroup(r, rest, since);
                    }
                }));
                return;
            }
            r.restarts++;
            emit(new SupervisionEvent.ChildRestarted(settings.id, r.id(), settings.strategy.name(), r.restarts,
                    Duration.ofNanos(Math.max(0, System.nanoTime() - r.pendingSinceNanos)), r.lastStartedAt));
        }
    }

    /**
     * Stops one running child: request, wait the timeout, interrupt, wait the grace, else report it stuck.
     *
     * @param forRestart true when the child will be started again (its state becomes RESTARTING)
     */
    private void terminateRun(ChildRecord record, boolean forRestart) {
        ChildRun run = record.run;
        record.run = null;
        long begin = System.nanoTime();
        Duration timeout = record.spec.shutdown().timeout();
        Duration grace = record.spec.shutdown().interruptGrace();
        run.requestStop();
        boolean done = timeout.isZero() ? run.await(Duration.ZERO) : run.await(timeout);
        if (!done) {
            run.interrupt();
            done = run.await(grace);
        }
        Instant now = settings.clock.instant();
        if (done) {
            record.lastExit = ExitReason.shutdown();
            record.state = forRestart ? ChildState.RESTARTING : ChildState.TERMINATED;
            emit(new SupervisionEvent.ChildExited(settings.id, record.id(), record.lastExit, now));
        } else {
            Duration waited = Duration.ofNanos(System.nanoTime() - begin);
            record.lastExit = ExitReason.stuck("did not stop within " + timeout + " of a stop request nor within "
                    + grace + " of an interrupt");
            record.state = forRestart ? ChildState.RESTARTING : ChildState.STUCK;
            LOG.warn("supervisor '{}': child '{}' is stuck ({}); its thread is abandoned", settings.id, record.id(),
                    record.lastExit.description());
            emit(new SupervisionEvent.ChildStuck(settings.id, record.id(), waited, now));
            emit(new SupervisionEvent.ChildExited(settings.id, record.id(), record.lastExit, now));
        }
    }

    private void terminateAll() {
        List<ChildRecord> records = new ArrayList<>(children.values());
        for (int i = records.size() - 1; i >= 0; i--) {
            ChildRecord r = records.get(i);
            r.cancelPendingRestart();
            if (r.run != null) {
                terminateRun(r, false);
            } else if (r.state == ChildState.RESTARTING || r.state == ChildState.STARTING) {
                r.state = ChildState.TERMINATED;
            }
        }
    }

    private void giveUp(ExitReason reason) {
        LOG.error("supervisor '{}' gave up: more than {} restarts within {}; last exit: {}", settings.id,
                settings.intensity.maxRestarts(), settings.intensity.period(), reason.description());
        terminateAll();
        SupervisionEvent.SupervisorGaveUp event = new SupervisionEvent.SupervisorGaveUp(settings.id,
                settings.intensity, reason, root, settings.clock.instant());
        emit(event);
        finish(new SupervisorOutcome(SupervisorOutcome.Kind.GAVE_UP, reason));
        if (root && settings.onRootGaveUp != null) {
            try {
                settings.onRootGaveUp.accept(event);
            } catch (RuntimeException e) {
                LOG.error("supervisor '{}': the give-up callback threw", settings.id, e);
            }
        }
    }

    private void finish(SupervisorOutcome outcome) {
        phase = Phase.TERMINATED;
        finishExecutors();
        termination.complete(outcome);
    }

    private void finishExecutors() {
        control.shutdown();
        childThreads.shutdown();
    }

    private void emit(SupervisionEvent event) {
        for (SupervisionListener listener : settings.listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("supervisor '{}': listener {} threw on {}", settings.id, listener, event, e);
            }
        }
    }

    /** Wraps a control-thread task so an unexpected exception makes the supervisor give up instead of vanishing. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("supervisor '{}': internal failure", settings.id, e);
                if (phase == Phase.RUNNING) {
                    giveUp(ExitReason.failure(e));
                }
            }
        };
    }

    private void requireNotControlThread() {
        if (Thread.currentThread() == controlThread) {
            throw new IllegalStateException("supervisor '" + settings.id
                    + "' must not be called from its own thread (for example from a SupervisionListener)");
        }
    }

    /** Runs {@code task} on the control thread and waits for its result, rethrowing its exception. */
    private <T> T call(Callable<T> task) {
        requireNotControlThread();
        Future<T> future;
        try {
            future = control.submit(() -> {
                if (phase == Phase.TERMINATED) {
                    throw notRunning();
                }
                return task.call();
            });
        } catch (RejectedExecutionException e) {
            throw notRunning();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for supervisor '" + settings.id + "'", e);
        } catch (java.util.concurrent.CancellationException e) {
            throw notRunning();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private IllegalStateException notRunning() {
        return new IllegalStateException("supervisor '" + settings.id + "' is not running");
    }

    // ---------------------------------------------------------------- configuration

    private record Settings(String id, SupervisionStrategy strategy, RestartIntensity intensity, Backoff backoff,
                            Clock clock, List<SupervisionListener> listeners, List<ChildSpec> children,
                            ChildSpec template, int maxChildren, ChildThreads threads, Duration threadKeepAlive,
                            Consumer<SupervisionEvent.SupervisorGaveUp> onRootGaveUp) {
    }

    /**
     * Builds a {@link Supervisor}.
     *
     * <p>Defaults: strategy {@link OneForOneStrategy one_for_one}; intensity {@link RestartIntensity#DEFAULT} (3
     * restarts in 60 s); {@link Backoff#NONE} (restart at once); the system UTC clock; no listeners; platform
     * threads kept warm for 10 s; no maximum of dynamic children; no give-up callback.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private SupervisionStrategy strategy = new OneForOneStrategy();
        private RestartIntensity intensity = RestartIntensity.DEFAULT;
        private Backoff backoff = Backoff.NONE;
        private Clock clock = Clock.systemUTC();
        private final List<SupervisionListener> listeners = new ArrayList<>();
        private final List<ChildSpec> children = new ArrayList<>();
        private ChildSpec template;
        private int maxChildren = Integer.MAX_VALUE;
        private ChildThreads threads = ChildThreads.PLATFORM;
        private Duration threadKeepAlive = Duration.ofSeconds(10);
        private Consumer<SupervisionEvent.SupervisorGaveUp> onRootGaveUp;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the strategy; default {@code one_for_one}.
         *
         * @param value the strategy
         * @return this builder
         */
        public Builder strategy(SupervisionStrategy value) {
            this.strategy = Objects.requireNonNull(value, "strategy");
            return this;
        }

        /**
         * Sets the restart intensity; default 3 restarts in 60 seconds.
         *
         * @param value the intensity
         * @return this builder
         */
        public Builder intensity(RestartIntensity value) {
            this.intensity = Objects.requireNonNull(value, "intensity");
            return this;
        }

        /**
         * Sets the restart backoff; default {@link Backoff#NONE}.
         *
         * @param value the backoff
         * @return this builder
         */
        public Builder backoff(Backoff value) {
            this.backoff = Objects.requireNonNull(value, "backoff");
            return this;
        }

        /**
         * Sets the clock of the restart window, the backoff reset and event times; default the system UTC clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Adds a listener of this supervisor's events (not those of nested supervisors, which have their own).
         *
         * @param value the listener; called on the supervisor's thread
         * @return this builder
         */
        public Builder listener(SupervisionListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Adds a static child, started after those added before it.
         *
         * @param spec the child's spec
         * @return this builder
         */
        public Builder child(ChildSpec spec) {
            children.add(Objects.requireNonNull(spec, "child spec"));
            return this;
        }

        /**
         * Sets the template of dynamic children; required by a dynamic-children strategy such as
         * {@code simple_one_for_one}, refused by the others.
         *
         * @param spec the template; its id prefixes the children's ids
         * @return this builder
         */
        public Builder template(ChildSpec spec) {
            this.template = Objects.requireNonNull(spec, "template");
            return this;
        }

        /**
         * Sets the most dynamic children held at once; default unlimited.
         *
         * @param value one or more
         * @return this builder
         */
        public Builder maxChildren(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxChildren must be 1 or more, got " + value);
            }
            this.maxChildren = value;
            return this;
        }

        /**
         * Sets the kind of child threads; default {@link ChildThreads#PLATFORM}.
         *
         * @param value the kind
         * @return this builder
         */
        public Builder threads(ChildThreads value) {
            this.threads = Objects.requireNonNull(value, "threads");
            return this;
        }

        /**
         * Sets how long an idle platform child thread is kept for reuse by the next start; default 10 seconds.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder threadKeepAlive(Duration value) {
            Objects.requireNonNull(value, "threadKeepAlive");
            if (value.isNegative()) {
                throw new IllegalArgumentException("threadKeepAlive must be zero or more, got " + value);
            }
            this.threadKeepAlive = value;
            return this;
        }

        /**
         * Sets what happens when this supervisor, as a root, gives up; the worker turns it into a process exit code.
         * Called once, on the supervisor's thread, after all children are terminated. Not called for a nested
         * supervisor, whose parent handles its failure.
         *
         * @param callback the callback
         * @return this builder
         */
        public Builder onRootGaveUp(Consumer<SupervisionEvent.SupervisorGaveUp> callback) {
            this.onRootGaveUp = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /**
         * Builds a root supervisor; call {@link Supervisor#start()} to start it.
         *
         * @return the supervisor
         * @throws IllegalArgumentException if the configuration is invalid (duplicate child ids, a template with a
         *                                  static strategy, and so on)
         */
        public Supervisor build() {
            return new Supervisor(settings(), true);
        }

        /**
         * Describes a nested supervisor with this configuration as a child of another supervisor. Each start of the
         * child builds and starts a fresh supervisor (its children all started before the parent's next child);
         * its giving up fails the child, so the parent applies its own strategy.
         *
         * @return a spec builder of type supervisor, with this supervisor's id
         * @throws IllegalArgumentException if the configuration is invalid
         */
        public ChildSpec.Builder asChildSpec() {
            Settings s = settings();
            return ChildSpec.supervisor(s.id, args -> {
                Supervisor nested = new Supervisor(s, false);
                nested.start();
                return new NestedSupervisorChild(nested);
            });
        }

        private Settings settings() {
            Ids.requireValid("supervisor id", id);
            String name = strategy.name();
            Set<String> seen = new HashSet<>();
            for (ChildSpec spec : children) {
                if (!seen.add(spec.id())) {
                    throw new IllegalArgumentException("supervisor '" + id + "' has two children with id '"
                            + spec.id() + "': child ids must be unique");
                }
            }
            if (strategy.dynamicChildren()) {
                if (template == null) {
                    throw new IllegalArgumentException("supervisor '" + id + "' uses " + name
                            + ", which starts children dynamically: set a template(...)");
                }
                if (!children.isEmpty()) {
                    throw new IllegalArgumentException("supervisor '" + id + "' uses " + name
                            + ": it takes a template, not static children " + seen);
                }
            } else if (template != null) {
                throw new IllegalArgumentException("supervisor '" + id + "' uses " + name
                        + ", which has static children: a template needs a dynamic strategy such as simple_one_for_one");
            }
            if (maxChildren != Integer.MAX_VALUE && template == null) {
                throw new IllegalArgumentException("supervisor '" + id + "': maxChildren applies to dynamic children"
                        + " only; use simple_one_for_one with a template");
            }
            return new Settings(id, strategy, intensity, backoff, clock, List.copyOf(listeners), List.copyOf(children),
                    template, maxChildren, threads, threadKeepAlive, onRootGaveUp);
        }
    }
}
