package io.sabot.runtime.agent;

import io.sabot.api.agent.Agent;
import io.sabot.api.agent.DeadLetter;
import io.sabot.api.supervision.Child;
import io.sabot.runtime.channel.Channel;
import io.sabot.runtime.channel.EndOfStream;
import io.sabot.runtime.state.StateBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A declared agent as it lives across restarts: creates a {@link Child} per (re)start that restores the agent's
 * state from its {@link io.sabot.runtime.checkpoint.RecoveryState recovery state} and runs the agent's body over
 * its inputs.
 *
 * <p>Each step of the agent's stream is the runtime hook: the previous event is counted
 * ({@code sabot_events_processed_total{agent,channel}}) and timed ({@code sabot_processing_latency_seconds}, one
 * event in 8 sampled), a checkpoint barrier that arrived on all inputs makes the agent snapshot its state, report it
 * and forward the barrier to its outputs, a stop request ends the stream, a restart request fails the agent, and a
 * throttle pauses it. When the body throws, the event it was processing is counted in
 * {@code sabot_errors_total{agent,error_type}} and handed to the dead-letter handler once; it is not redelivered.
 *
 * <p>When all inputs have ended and the body returns, the agent's final state is kept for later checkpoints and
 * the end of stream is forwarded to its outputs; a runner started again then waits to be stopped.
 *
 * <p>Thread-safety: thread-safe; one runner at a time runs on its own thread.
 */
public final class AgentTask extends TaskBase {

    private static final Logger LOG = LoggerFactory.getLogger(AgentTask.class);

    private final List<Channel<?>> inputs;
    private final Map<String, Channel<?>> outputs;
    private final Agent<?> body;
    private volatile long stateBytes = -1;
    private volatile long abortedUpTo;
    private long lastTriggered;
    private long lastAcknowledged;
    private boolean finished;
    private byte[] finalState;
    private Object[] leftover;

    /**
     * Creates the task.
     *
     * @param id          the agent's id
     * @param inputs      the channels it reads, in order; at least one
     * @param outputs     the channels it may emit to, by name
     * @param body        the agent's code
     * @param services    shared services
     */
    public AgentTask(String id, List<Channel<?>> inputs, Map<String, Channel<?>> outputs,
                     Agent<?> body, TaskServices services) {
        super(id, services);
        this.inputs = List.copyOf(inputs);
        if (this.inputs.isEmpty()) {
            throw new IllegalArgumentException("agent '" + id + "' must read at least one channel");
        }
        this.outputs = Map.copyOf(new LinkedHashMap<>(outputs));
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public Child newChild() {
        return new Runner();
    }

    List<Channel<?>> inputs() {
        return inputs;
    }

    java.util.Collection<Channel<?>> outputChannels() {
        return outputs.values();
    }

    Channel<?> output(String name) {
        return outputs.get(name);
    }

    long abortedUpTo() {
        return abortedUpTo;
    }

    /** {@return true once all inputs ended and the body returned} */
    public boolean isFinished() {
        synchronized (lock) {
            return finished;
        }
    }

    /**
     * Forgets that the agent finished and drops the input it had taken but not processed: used when the agent's
     * region restarts from a checkpoint (its channels are reset too).
     */
    public void resetForRecovery() {
        synchronized (lock) {
            finished = false;
            finalState = null;
            leftover = null;
        }
    }

    void leaveOver(Object[] elements) {
        synchronized (lock) {
            leftover = elements;
        }
    }

    Object[] takeLeftover() {
        synchronized (lock) {
            Object[] out = leftover;
            leftover = null;
            return out;
        }
    }

    @Override
    public OptionalLong stateBytes() {
        long bytes = stateBytes;
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    @Override
    public long inputDepth() {
        long depth = 0;
        for (Channel<?> c : inputs) {
            depth += c.depth();
        }
        return depth;
    }

    @Override
    public long inputCapacity() {
        long capacity = 0;
        for (Channel<?> c : inputs) {
            capacity += c.capacity();
        }
        return capacity;
    }

    @Override
    public void checkpointTriggered(long checkpointId) {
        byte[] state;
        synchronized (lock) {
            lastTriggered = Math.max(lastTriggered, checkpointId);
            if (!finished) {
                return;
            }
            state = finalState;
        }
        services.acks().acknowledgeAgent(checkpointId, id, state);
    }

    @Override
    public void checkpointAborted(long checkpointId) {
        synchronized (lock) {
            if (checkpointId > abortedUpTo) {
                abortedUpTo = checkpointId;
            }
        }
        raiseAttention();
    }

    void snapshotTaken(long checkpointId, byte[] state) {
        stateBytes = state.length;
        synchronized (lock) {
            lastAcknowledged = Math.max(lastAcknowledged, checkpointId);
        }
        services.acks().acknowledgeAgent(checkpointId, id, state);
    }

    private void finish(byte[] state) {
        long toAcknowledge = 0;
        synchronized (lock) {
            finished = true;
            finalState = state;
            if (lastTriggered > lastAcknowledged) {
                toAcknowledge = lastTriggered;
            }
        }
        stateBytes = state.length;
        if (toAcknowledge > 0) {
            services.acks().acknowledgeAgent(toAcknowledge, id, state);
        }
    }

    final class Runner implements StoppableChild {
        private final CountDownLatch stop = new CountDownLatch(1);
        private volatile boolean stopRequested;
        private volatile Thread runnerThread;

        @Override
        public void requestStop() {
            stopRequested = true;
            stop.countDown();
            raiseAttention();
            blockedTime.releaseBlockedEmitter();
            Thread t = runnerThread;
            if (t != null) {
                java.util.concurrent.locks.LockSupport.unpark(t);
            }
        }

        boolean stopRequested() {
            return stopRequested;
        }

        @Override
        public void run() throws Exception {
            attach(this);
            runnerThread = Thread.currentThread();
            try {
                if (isFinished() || stoppedForGood().isPresent()) {
                    stop.await();
                    return;
                }
                runAgent();
            } finally {
                runnerThread = null;
                detach(this);
            }
        }

        @SuppressWarnings("unchecked")
        private void runAgent() throws Exception {
            StateBackend backend = new StateBackend(id, services.mapper());
            AgentInputs<Object> stream = null;
            try {
                Optional<byte[]> restored = services.recovery().agentState(id);
                if (restored.isPresent()) {
                    backend.restore(restored.get());
                    stateBytes = restored.get().length;
                    LOG.debug("agent '{}' restored {} bytes of state", id, restored.get().length);
                }
                stream = new AgentInputs<>(AgentTask.this, this, backend);
                AgentContextImpl context = new AgentContextImpl(AgentTask.this, backend);
                ((Agent<Object>) body).run(stream, context);
            } catch (InterruptedException e) {
                if (!stopRequested) {
                    failed(e);
                    throw e;
                }
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | Error e) {
                if (stream != null && stream.inFlight()) {
                    deadLetter(stream, e);
                }
                failed(e);
                throw e;
            } finally {
                if (stream != null) {
                    stream.close();
                }
            }
            if (stream.allEnded()) {
                finish(backend.snapshot());
                for (Channel<?> out : outputs.values()) {
                    out.putControl(EndOfStream.INSTANCE, blockedTime);
                }
                LOG.info("agent '{}' finished: all its inputs ended", id);
            }
        }

        private void deadLetter(AgentInputs<Object> stream, Throwable cause) {
            try {
                services.deadLetters().handle(new DeadLetter(id, stream.currentChannel(), stream.inFlightEvent(),
                        cause, services.clock().instant()));
            } catch (RuntimeException e) {
                LOG.warn("the dead-letter handler failed on an event of agent '{}': {}", id, e.toString());
            }
        }
    }
}
