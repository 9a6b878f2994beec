package io.sabot.runtime.agent;

import io.sabot.api.Ids;
import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildFactory;
import io.sabot.runtime.channel.BlockedTime;
import io.sabot.runtime.checkpoint.CheckpointParticipant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What source and agent tasks share: the identity that outlives restarts, the running thread, the levers of the
 * resource monitor and the counters it reads.
 */
public abstract class TaskBase implements MonitoredAgent, CheckpointParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(TaskBase.class);

    final String id;
    final TaskServices services;
    final BlockedTime blockedTime = new BlockedTime();
    final Object lock = new Object();
    final AtomicLong eventsProcessed = new AtomicLong();
    private volatile Thread thread;
    private volatile StoppableChild running;
    private volatile double throttleRatio = 1.0;
    private volatile String restartRequest;
    private volatile String stopForGood;
    private volatile Throwable lastFailure;
    private volatile int starts;
    private volatile Attention attention;

    TaskBase(String id, TaskServices services) {
        this.id = Ids.requireValid("task name", id);
        this.services = services;
    }

    @Override
    public String id() {
        return id;
    }

    /** {@return a factory creating a fresh runner of this task at each (re)start, for its supervisor} */
    public ChildFactory childFactory() {
        return args -> newChild();
    }

    /** {@return a fresh runner of this task; each is run once, on its own thread} */
    public abstract Child newChild();

    /**
     * Registers the flag the running step loop polls; a flag allocated on the task's own thread keeps the per-step
     * check a read of memory no other thread writes in the common case.
     */
    void attention(Attention flag) {
        this.attention = flag;
    }

    /** Tells the running step loop to look at the task's requests (restart, stop, throttle, abort). */
    void raiseAttention() {
        Attention a = attention;
        if (a != null) {
            a.raised = true;
        }
    }

    void attach(StoppableChild child) {
        synchronized (lock) {
            starts++;
            restartRequest = null;
            running = child;
            thread = Thread.currentThread();
        }
    }

    void detach(StoppableChild child) {
        synchronized (lock) {
            if (running == child) {
                running = null;
                thread = null;
            }
        }
    }

    void failed(Throwable cause) {
        lastFailure = cause;
        services.metrics().counter(io.sabot.api.metrics.StandardMetrics.ERRORS, id,
                cause.getClass().getSimpleName()).inc();
        services.acks().taskFailed(id, cause);
    }

    /** {@return how many times this task was restarted; 0 while on its first run} */
    public int restarts() {
        return Math.max(0, starts - 1);
    }

    /** {@return what the task threw last, if it ever failed} */
    public Optional<Throwable> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** {@return the events this task processed (an agent) or emitted (a source) over all its runs} */
    public long eventsProcessed() {
        return eventsProcessed.get();
    }

    /** {@return the reason the task was stopped for good, if it was} */
    public Optional<String> stoppedForGood() {
        return Optional.ofNullable(stopForGood);
    }

    /** {@return true while a runner of this task is running} */
    public boolean isRunning() {
        return running != null;
    }

    String restartRequest() {
        return restartRequest;
    }

    double throttleRatio() {
        return throttleRatio;
    }

    @Override
    public Optional<Thread> thread() {
        return Optional.ofNullable(thread);
    }

    @Override
    public OptionalLong stateBytes() {
        return OptionalLong.empty();
    }

    @Override
    public long backpressuredNanos() {
        return blockedTime.totalNanos();
    }

    @Override
    public void throttle(double maxCpuRatio) {
        if (!(maxCpuRatio > 0)) {
            throw new IllegalArgumentException("'" + id + "': throttle ratio must be above 0, got " + maxCpuRatio);
        }
        this.throttleRatio = Math.min(1.0, maxCpuRatio);
        raiseAttention();
    }

    @Override
    public void requestRestart(String reason) {
        LOG.info("'{}' will restart at its next step: {}", id, reason);
        this.restartRequest = reason;
        raiseAttention();
    }

    @Override
    public void requestStop(String reason) {
        LOG.info("'{}' is stopped for good: {}", id, reason);
        this.stopForGood = reason;
        raiseAttention();
        StoppableChild child = running;
        if (child != null) {
            child.requestStop();
        }
    }

    @Override
    public void checkpointAborted(long checkpointId) {
        // only agents align; sources have nothing to release
    }

    /** A flag raised by other threads when the step loop must look at the task's requests. */
    static final class Attention {
        volatile boolean raised = true;
    }

    /** A runner that can be told to stop. */
    interface StoppableChild extends Child {
        @Override
        void requestStop();
    }
}
