package io.sabot.runtime.agent;

import io.sabot.api.agent.Source;
import io.sabot.api.agent.SourceOutput;
import io.sabot.api.agent.SourcePosition;
import io.sabot.api.supervision.Child;
import io.sabot.runtime.channel.Channel;
import io.sabot.runtime.channel.CheckpointBarrier;
import io.sabot.runtime.channel.EndOfStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A declared source as it lives across restarts: creates a {@link Child} per (re)start that opens a fresh source at
 * its recovery position and emits into its channel, injecting checkpoint barriers between two
 * {@link Source#emitNext} calls (the source's consistent points) and reporting its position with each.
 *
 * <p>When the source is exhausted, pending barriers are injected, then the end of stream; the task is then
 * finished: later checkpoints record its final position, and a runner started again (a PERMANENT source's restart
 * after its normal exit) emits nothing and waits to be stopped.
 *
 * <p>Thread-safety: thread-safe; one runner at a time runs on its own thread.
 */
public final class SourceTask extends TaskBase {

    private static final Logger LOG = LoggerFactory.getLogger(SourceTask.class);

    private final Channel<Object> output;
    private final Class<?> eventType;
    private final Supplier<? extends Source<?>> factory;
    private final ConcurrentLinkedQueue<Long> barriers = new ConcurrentLinkedQueue<>();
    private boolean finished;
    private SourcePosition finalPosition;

    /**
     * Creates the task.
     *
     * @param name      the source's name
     * @param output    the channel it emits to
     * @param eventType the class of the channel's events; others are refused
     * @param factory   creates the source at each start
     * @param services  shared services
     */
    @SuppressWarnings("unchecked")
    public SourceTask(String name, Channel<?> output, Class<?> eventType, Supplier<? extends Source<?>> factory,
                      TaskServices services) {
        super(name, services);
        this.output = (Channel<Object>) Objects.requireNonNull(output, "output");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Child newChild() {
        return new Runner();
    }

    /** {@return true once the source was exhausted and its end of stream sent} */
    public boolean isFinished() {
        synchronized (lock) {
            return finished;
        }
    }

    /** {@return the position recorded when the source was exhausted, if it was} */
    public Optional<SourcePosition> finalPosition() {
        synchronized (lock) {
            return Optional.ofNullable(finalPosition);
        }
    }

    /**
     * Forgets that the source finished and drops barriers not yet injected: used when the source's region restarts
     * from a checkpoint.
     */
    public void resetForRecovery() {
        synchronized (lock) {
            finished = false;
            finalPosition = null;
            barriers.clear();
        }
    }

    @Override
    public void checkpointTriggered(long checkpointId) {
        SourcePosition position;
        synchronized (lock) {
            if (!finished) {
                barriers.add(checkpointId);
                return;
            }
            position = finalPosition;
        }
        services.acks().acknowledgeSource(checkpointId, id, position);
    }

    @Override
    public long inputDepth() {
        return 0;
    }

    @Override
    public long inputCapacity() {
        return 0;
    }

    private void injectBarriers(SourcePosition position) throws InterruptedException {
        Long barrier;
        while ((barrier = barriers.poll()) != null) {
            output.putControl(new CheckpointBarrier(barrier), blockedTime);
            services.acks().acknowledgeSource(barrier, id, position);
        }
    }

    private final class Runner implements StoppableChild {
        private final CountDownLatch stop = new CountDownLatch(1);
        private volatile boolean stopRequested;

        @Override
        public void requestStop() {
            stopRequested = true;
            stop.countDown();
            blockedTime.releaseBlockedEmitter();
        }

        @Override
        public void run() throws Exception {
            attach(this);
            try {
                if (isFinished() || stoppedForGood().isPresent()) {
                    stop.await();
                    return;
                }
                runSource();
            } finally {
                detach(this);
            }
        }

        @SuppressWarnings("unchecked")
        private void runSource() throws Exception {
            Source<Object> source = (Source<Object>) factory.get();
            if (source == null) {
                throw new IllegalStateException("source '" + id + "': its factory returned null");
            }
            try {
                SourcePosition start = services.recovery().sourcePosition(id).orElse(SourcePosition.START);
                source.open(start);
                LOG.debug("source '{}' opened at {}", id, start);
                long[] emitted = new long[1];
                SourceOutput<Object> out = event -> {
                    if (!eventType.isInstance(event)) {
                        throw new IllegalArgumentException("source '" + id + "' emitted a "
                                + (event == null ? "null" : event.getClass().getName()) + " to channel '"
                                + output.name() + "', which carries " + eventType.getName());
                    }
                    output.put(event, blockedTime);
                    emitted[0]++;
                };
                while (!stopRequested) {
                    if (!barriers.isEmpty()) {
                        injectBarriers(source.position());
                    }
                    String restart = restartRequest();
                    if (restart != null) {
                        throw new RestartRequestedException(id, restart);
                    }
                    boolean more = source.emitNext(out);
                    eventsProcessed.lazySet(eventsProcessed.get() + emitted[0]);
                    emitted[0] = 0;
                    if (!more) {
                        finish(source.position());
                        return;
                    }
                }
            } catch (InterruptedException e) {
                if (!stopRequested) {
                    failed(e);
                    throw e;
                }
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                failed(e);
                throw e;
            } finally {
                try {
                    source.close();
                } catch (RuntimeException e) {
                    LOG.warn("source '{}' failed to close: {}", id, e.toString());
                }
            }
        }

        private void finish(SourcePosition position) throws InterruptedException {
            synchronized (lock) {
                finished = true;
                finalPosition = position;
            }
            injectBarriers(position);
            output.putControl(EndOfStream.INSTANCE, blockedTime);
            LOG.info("source '{}' is exhausted at {}", id, position);
        }
    }

    /** {@return a copy of the barrier ids waiting to be injected, for tests and status} */
    List<Long> pendingBarriers() {
        return new ArrayList<>(barriers);
    }
}
