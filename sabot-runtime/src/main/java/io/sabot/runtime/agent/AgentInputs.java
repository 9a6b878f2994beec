package io.sabot.runtime.agent;

import io.sabot.api.agent.AgentStream;
import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.metrics.Timer;
import io.sabot.api.resources.CpuPacer;
import io.sabot.runtime.channel.Channel;
import io.sabot.runtime.channel.CheckpointBarrier;
import io.sabot.runtime.channel.ControlElement;
import io.sabot.runtime.channel.EndOfStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's input stream: merges its input channels, aligns checkpoint barriers across them, and runs the per-step
 * hook. Confined to the agent's thread.
 *
 * <p>Alignment: when barrier {@code n} arrives on an input, that input is blocked (not read) until barrier
 * {@code n} has arrived on every input that has not ended; then the agent's state is snapshotted (every event
 * before the barriers has been processed, none after), the snapshot is reported, the barrier is forwarded to the
 * agent's outputs, and the inputs are unblocked. A higher barrier arriving while aligning abandons the lower
 * checkpoint (it cannot complete); a checkpoint aborted by the coordinator releases the alignment.
 *
 * @param <T> the type of the events
 */
final class AgentInputs<T> implements AgentStream<T>, Iterator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentInputs.class);
    /** How long one wait for input lasts before stop requests and aborts are checked again: 100 ms. */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int LATENCY_SAMPLE_MASK = 7;
    /** How many events are counted locally before the task's total is updated (also updated when idle). */
    private static final int PUBLISH_EVERY = 64;
    /** The most elements a single-input agent takes from its channel under one lock. */
    private static final int BATCH = 64;
    private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AgentTask task;
    private final AgentTask.Runner runner;
    private final io.sabot.runtime.state.StateBackend backend;
    private final Channel<?>[] channels;
    private final String[] names;
    private final Counter[] processed;
    private final Timer latency;
    private final LongSupplier nanoTime;
    private final boolean single;
    private final boolean[] ended;
    private final boolean[] blocked;
    private final Thread thread;
    private int endedCount;
    private int blockedCount;
    private long aligning;
    private long lastCompleted;
    private int nextInput;
    private int lastIndex;
    private boolean iterated;
    private boolean ready;
    private Object nextEvent;
    private int nextEventIndex;
    private boolean inFlight;
    private Object current;
    private int currentIndex = -1;
    private long eventStart;
    private boolean timed;
    private long sequence;
    private long busyStart;
    private final CpuPacer pacer = new CpuPacer(MIN_PAUSE_NANOS, POLL_NANOS);
    private final TaskBase.Attention attention = new TaskBase.Attention();
    private double throttleRatio = 1.0;
    private long unpublished;
    private final Object[] batch;
    private int batchNext;
    private int batchSize;

    AgentInputs(AgentTask task, AgentTask.Runner runner, io.sabot.runtime.state.StateBackend backend) {
        this.task = task;
        this.runner = runner;
        this.backend = backend;
        this.channels = task.inputs().toArray(new Channel<?>[0]);
        int n = channels.length;
        this.names = new String[n];
        this.processed = new Counter[n];
        for (int i = 0; i < n; i++) {
            names[i] = channels[i].name();
            processed[i] = task.services.metrics().counter(StandardMetrics.EVENTS_PROCESSED, task.id, names[i]);
        }
        this.latency = task.services.metrics().timer(StandardMetrics.PROCESSING_LATENCY, task.id);
        this.nanoTime = task.services.nanoTime();
        this.single = n == 1;
        this.batch = single ? new Object[Math.min(BATCH, channels[0].capacity())] : null;
        if (single) {
            Object[] left = task.takeLeftover();
            if (left != null) {
                System.arraycopy(left, 0, batch, 0, left.length);
                batchSize = left.length;
            }
        }
        this.ended = new boolean[n];
        this.blocked = new boolean[n];
        this.thread = Thread.currentThread();
        task.attention(attention);
        if (!single) {
            Runnable wake = () -> LockSupport.unpark(thread);
            for (Channel<?> c : channels) {
                c.onReadable(wake);
            }
        }
    }

    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("agent '" + task.id + "': its stream can be iterated only once");
        }
        iterated = true;
        return this;
    }

    @Override
    public String currentChannel() {
        return currentIndex < 0 ? null : names[currentIndex];
    }

    boolean inFlight() {
        return inFlight;
    }

    Object inFlightEvent() {
        return current;
    }

    boolean allEnded() {
        return endedCount == channels.length;
    }

    void close() {
        publishCount();
        if (single && batchNext < batchSize) {
            // taken from the channel but not handed out: the next run of the agent reads them first
            task.leaveOver(java.util.Arrays.copyOfRange(batch, batchNext, batchSize));
        }
        if (!single) {
            for (Channel<?> c : channels) {
                c.onReadable(null);
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (ready) {
            return true;
        }
        if (inFlight) {
            completeEvent();
        }
        while (true) {
            if (attention.raised && checkRequests()) {
                return false;
            }
            if (endedCount == channels.length) {
                return false;
            }
            Object element;
            try {
                element = fetch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (element == null) {
                publishCount();
                continue;
            }
            // final classes: an exact class check, cheaper on the hot path than a test against the interface
            if (element instanceof CheckpointBarrier || element == EndOfStream.INSTANCE) {
                onControl(lastIndex, (ControlElement) element);
                continue;
            }
            nextEvent = element;
            nextEventIndex = lastIndex;
            ready = true;
            return true;
        }
    }

    /**
     * The slow path of a step, taken only after another thread raised the attention flag.
     *
     * @return true if the stream must end (a stop request)
     */
    private boolean checkRequests() {
        attention.raised = false;
        String restart = task.restartRequest();
        if (restart != null) {
            attention.raised = true;
            throw new RestartRequestedException(task.id, restart);
        }
        throttleRatio = task.throttleRatio();
        if (aligning != 0 && aligning <= task.abortedUpTo()) {
            LOG.debug("agent '{}' stops aligning for aborted checkpoint {}", task.id, aligning);
            release();
        }
        if (runner.stopRequested()) {
            attention.raised = true;
            return true;
        }
        return false;
    }

    private void publishCount() {
        if (unpublished != 0) {
            task.eventsProcessed.lazySet(task.eventsProcessed.get() + unpublished);
            unpublished = 0;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("agent '" + task.id + "': no more input");
        }
        ready = false;
        inFlight = true;
        current = nextEvent;
        currentIndex = nextEventIndex;
        nextEvent = null;
        if ((++sequence & LATENCY_SAMPLE_MASK) == 0 || throttleRatio < 1.0) {
            eventStart = nanoTime.getAsLong();
            timed = true;
        } else {
            timed = false;
        }
        if (throttleRatio < 1.0) {
            busyStart = task.services.busyTime().getAsLong();
        }
        return (T) current;
    }

    private void completeEvent() {
        inFlight = false;
        current = null;
        processed[currentIndex].inc();
        if (++unpublished == PUBLISH_EVERY) {
            publishCount();
        }
        if (timed) {
            long spent = nanoTime.getAsLong() - eventStart;
            latency.recordNanos(Math.max(0, spent));
            if (throttleRatio < 1.0) {
                throttle(task.services.busyTime().getAsLong() - busyStart, throttleRatio);
            }
        }
    }

    /** Pauses the agent so that its busy share holds the throttle ratio ({@link CpuPacer}'s arithmetic). */
    private void throttle(long busy, double ratio) {
        pacer.throttle(ratio);
        long pause = pacer.pauseAfter(busy);
        if (pause > 0) {
            long start = nanoTime.getAsLong();
            try {
                task.services.sleeper().sleepNanos(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pacer.paused(pause, nanoTime.getAsLong() - start);
        }
    }

    private Object fetch() throws InterruptedException {
        if (single) {
            lastIndex = 0;
            if (batchNext == batchSize) {
                batchNext = 0;
                batchSize = channels[0].drain(batch, batch.length, POLL_NANOS, TimeUnit.NANOSECONDS);
                if (batchSize == 0) {
                    return null;
                }
            }
            Object element = batch[batchNext];
            batch[batchNext++] = null;
            return element;
        }
        int n = channels.length;
        for (int k = 0; k < n; k++) {
            int i = nextInput + k;
            if (i >= n) {
                i -= n;
            }
            if (blocked[i] || ended[i]) {
                continue;
            }
            Object element = channels[i].poll();
            if (element != null) {
                nextInput = i + 1 == n ? 0 : i + 1;
                lastIndex = i;
                return element;
            }
        }
        LockSupport.parkNanos(this, POLL_NANOS);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return null;
    }

    private void onControl(int index, ControlElement element) {
        if (element instanceof EndOfStream) {
            if (!ended[index]) {
                ended[index] = true;
                endedCount++;
                if (blocked[index]) {
                    blocked[index] = false;
                    blockedCount--;
                }
                maybeCompleteAlignment();
            }
            return;
        }
        long id = ((CheckpointBarrier) element).checkpointId();
        if (id <= lastCompleted || id <= task.abortedUpTo()) {
            return;
        }
        if (aligning != 0 && id > aligning) {
            LOG.debug("agent '{}': checkpoint {} is subsumed by {}", task.id, aligning, id);
            release();
        }
        if (aligning == 0) {
            aligning = id;
        } else if (id < aligning) {
            return;
        }
        if (!blocked[index]) {
            blocked[index] = true;
            blockedCount++;
        }
        maybeCompleteAlignment();
    }

    private void maybeCompleteAlignment() {
        if (aligning == 0 || blockedCount + endedCount < channels.length) {
            return;
        }
        long id = aligning;
        byte[] snapshot = backend.snapshot();
        task.snapshotTaken(id, snapshot);
        CheckpointBarrier barrier = new CheckpointBarrier(id);
        try {
            forward(barrier);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
    }

    private void forward(CheckpointBarrier barrier) throws InterruptedException {
        for (Channel<?> out : task.outputChannels()) {
            out.putControl(barrier, task.blockedTime);
        }
    }

    private void release() {
        Arrays.fill(blocked, false);
        blockedCount = 0;
        lastCompleted = Math.max(lastCompleted, aligning);
        aligning = 0;
    }
}
