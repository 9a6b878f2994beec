package io.sabot.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.agent.Agent;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.DeadLetter;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.state.ValueState;
import io.sabot.runtime.channel.BlockedTime;
import io.sabot.runtime.channel.Channel;
import io.sabot.runtime.channel.CheckpointBarrier;
import io.sabot.runtime.channel.EndOfStream;
import io.sabot.runtime.state.StateBackend;
import io.sabot.runtime.testing.ChildThread;
import io.sabot.runtime.testing.RecordingAcks;
import io.sabot.tck.metrics.RecordingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgentTaskTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final RecordingAcks acks = new RecordingAcks();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final TaskServices services = TaskServices.defaults().withMetrics(metrics)
            .withCheckpoints(acks, io.sabot.runtime.checkpoint.RecoveryState.NONE)
            .withDeadLetters(deadLetters::add);

    private static long stateValue(byte[] snapshot, String name) {
        StateBackend backend = new StateBackend("x", new ObjectMapper());
        backend.restore(snapshot);
        Long v = backend.valueState(name, Long.class).value();
        return v == null ? 0 : v;
    }

    private static void put(Channel<Long> c, Object... elements) throws InterruptedException {
        for (Object e : elements) {
            if (e instanceof Long) {
                c.put((Long) e, new BlockedTime());
            } else {
                c.putControl((io.sabot.runtime.channel.ControlElement) e, new BlockedTime());
            }
        }
    }

    private static Agent<Long> summing(List<Long> seen) {
        return (stream, ctx) -> {
            ValueState<Long> sum = ctx.valueState("sum", Long.class);
            for (Long e : stream) {
                seen.add(e);
                sum.update(sum.valueOr(0L) + e);
            }
        };
    }

    @Test
    void countsEventsPerChannelAndFinishesWhenItsInputEnds() throws Exception {
        Channel<Long> in = new Channel<>("in", 16);
        Channel<Long> out = new Channel<>("out", 16);
        ChannelRef<Long> outRef = new ChannelRef<>("out", Long.class, 16);
        AgentTask task = new AgentTask("double", List.of(in), Map.of("out", out), (Agent<Long>) (stream, ctx) -> {
            for (Long e : stream) {
                ctx.emit(outRef, e * 2);
            }
        }, services);
        ChildThread running = ChildThread.start(task.newChild(), "double");
        put(in, 1L, 2L, 3L, EndOfStream.INSTANCE);
        assertThat(running.await()).isNull();

        assertThat(List.of(out.poll(), out.poll(), out.poll(), out.poll())).containsExactly(2L, 4L, 6L,
                EndOfStream.INSTANCE);
        assertThat(metrics.count(StandardMetrics.EVENTS_PROCESSED, "double", "in")).isEqualTo(3);
        assertThat(task.eventsProcessed()).isEqualTo(3);
        assertThat(task.isFinished()).isTrue();
        assertThat(task.isRunning()).isFalse();
        assertThat(task.stateBytes()).isPresent();
    }

    @Test
    void aFinishedAgentAcknowledgesLaterCheckpointsWithItsFinalStateAndARestartWaitsToBeStopped() throws Exception {
        Channel<Long> in = new Channel<>("in", 16);
        AgentTask task = new AgentTask("sum", List.of(in), Map.of(), summing(new ArrayList<>()), services);
        ChildThread running = ChildThread.start(task.newChild(), "sum");
        put(in, 5L, 6L, EndOfStream.INSTANCE);
        assertThat(running.await()).isNull();
        task.checkpointTriggered(4);
        assertThat(stateValue(acks.states.get("4/sum"), "sum")).isEqualTo(11);

        ChildThread again = ChildThread.start(task.newChild(), "sum-again");
        await().atMost(WAIT).until(task::isRunning);
        assertThat(again.isDone()).isFalse();
        assertThat(again.stop()).isNull();
        assertThat(task.restarts()).isEqualTo(1);
    }

    @Test
    void snapshotsAtABarrierAndForwardsIt() throws Exception {
        Channel<Long> in = new Channel<>("in", 16);
        Channel<Long> out = new Channel<>("out", 16);
        List<Long> seen = new CopyOnWriteArrayList<>();
        AgentTask task = new AgentTask("sum", List.of(in), Map.of("out", out), summing(seen), services);
        ChildThread running = ChildThread.start(task.newChild(), "sum");
        task.checkpointTriggered(1);
        put(in, 1L, 2L, new CheckpointBarrier(1), 3L);
        await().atMost(WAIT).until(() -> seen.size() == 3);
        assertThat(stateValue(acks.states.get("1/sum"), "sum")).isEqualTo(3);
        assertThat(out.poll()).isEqualTo(new CheckpointBarrier(1));
        assertThat(running.stop()).isNull();
        assertThat(task.isFinished()).isFalse();
    }

    @Test
    void alignsBarriersAcrossInputsBeforeSnapshotting() throws Exception {
        Channel<Long> a = new Channel<>("a", 16);
        Channel<Long> b = new Channel<>("b", 16);
        Channel<Long> out = new Channel<>("out", 16);
        List<Long> seen = new CopyOnWriteArrayList<>();
        AgentTask task = new AgentTask("join", List.of(a, b), Map.of("out", out), summing(seen), services);
        ChildThread running = ChildThread.start(task.newChild(), "join");

        put(a, 1L, 2L, new CheckpointBarrier(1), 3L);
        put(b, 10L);
        await().atMost(WAIT).until(() -> seen.size() == 3);
        assertThat(seen).containsExactlyInAnyOrder(1L, 2L, 10L);
        assertThat(a.depth()).as("the event after the barrier waits until the other input is aligned").isEqualTo(1);
        assertThat(acks.states).isEmpty();

        put(b, 11L, new CheckpointBarrier(1), 12L);
        await().atMost(WAIT).until(() -> seen.size() == 6);
        assertThat(stateValue(acks.states.get("1/join"), "sum")).isEqualTo(1 + 2 + 10 + 11);
        assertThat(out.poll()).isEqualTo(new CheckpointBarrier(1));
        assertThat(out.poll()).isNull();

        put(a, EndOfStream.INSTANCE);
        put(b, new CheckpointBarrier(2), EndOfStream.INSTANCE);
        assertThat(running.await()).isNull();
        assertThat(stateValue(acks.states.get("2/join"), "sum")).isEqualTo(1 + 2 + 3 + 10 + 11 + 12);
        assertThat(out.poll()).isEqualTo(new CheckpointBarrier(2));
        assertThat(out.poll()).isEqualTo(EndOfStream.INSTANCE);
    }

    @Test
    void aHigherBarrierSubsumesAnIncompleteAlignmentAndAnAbortReleasesIt() throws Exception {
        Channel<Long> a = new Channel<>("a", 16);
        Channel<Long> b = new Channel<>("b", 16);
        List<Long> seen = new CopyOnWriteArrayList<>();
        AgentTask task = new AgentTask("join", List.of(a, b), Map.of(), summing(seen), services);
        ChildThread running = ChildThread.start(task.newChild(), "join");

        put(a, new CheckpointBarrier(1), 1L);
        put(b, new CheckpointBarrier(2), 2L);
        await().atMost(WAIT).until(() -> seen.contains(1L));
        put(a, new CheckpointBarrier(2));
        await().atMost(WAIT).until(() -> acks.states.containsKey("2/join"));
        assertThat(acks.states).doesNotContainKey("1/join");
        await().atMost(WAIT).until(() -> seen.size() == 2);

        put(a, new CheckpointBarrier(3), 3L);
        task.checkpointAborted(3);
        await().atMost(WAIT).until(() -> seen.size() == 3);
        put(b, new CheckpointBarrier(3));
        assertThat(running.stop()).isNull();
        assertThat(acks.states).doesNotContainKey("3/join");
    }

    @Test
    void theFailingEventIsADeadLetterAndIsNotRedelivered() throws Exception {
        Channel<Long> in = new Channel<>("in", 16);
        List<Long> seen = new CopyOnWriteArrayList<>();
        AgentTask task = new AgentTask("picky", List.of(in), Map.of(), (Agent<Long>) (stream, ctx) -> {
            for (Long e : stream) {
                if (e == 13L) {
                    throw new IllegalStateException("unlucky " + e);
                }
                seen.add(e);
            }
        }, services);
        put(in, 1L, 13L, 2L, EndOfStream.INSTANCE);
        Throwable failure = ChildThread.start(task.newChild(), "picky").await();
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("unlucky 13");
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).event()).isEqualTo(13L);
        assertThat(deadLetters.get(0).channel()).isEqualTo("in");
        assertThat(deadLetters.get(0).agentId()).isEqualTo("picky");
        assertThat(metrics.count(StandardMetrics.ERRORS, "picky", "IllegalStateException")).isEqualTo(1);
        assertThat(acks.failures).containsExactly("picky");
        assertThat(task.lastFailure()).containsSame(failure);

        assertThat(ChildThread.start(task.newChild(), "picky-2").await()).isNull();
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(task.restarts()).isEqualTo(1);
    }

    @Test
    void aFailingDeadLetterHandlerDoesNotHideTheFailure() throws Exception {
        Channel<Long> in = new Channel<>("in", 4);
        AgentTask task = new AgentTask("a", List.of(in), Map.of(), (Agent<Long>) (stream, ctx) -> {
            for (Long e : stream) {
                throw new IllegalArgumentException("bad " + e);
            }
        }, services.withDeadLetters(l -> {
            throw new IllegalStateException("handler broke");
        }));
        put(in, 1L);
        assertThat(ChildThread.start(task.newChild(), "a").await()).hasMessage("bad 1");
    }

    @Test
    void restoresItsStateFromTheRecoveryState() throws Exception {
        StateBackend earlier = new StateBackend("sum", new ObjectMapper());
        earlier.valueState("sum", Long.class).update(100L);
        byte[] snapshot = earlier.snapshot();
        TaskServices restoring = services.withCheckpoints(acks, new io.sabot.runtime.checkpoint.RecoveryState() {
            @Override
            public Optional<byte[]> agentState(String agentId) {
                return Optional.of(snapshot);
            }

            @Override
            public Optional<io.sabot.api.agent.SourcePosition> sourcePosition(String source) {
                return Optional.empty();
            }
        });
        Channel<Long> in = new Channel<>("in", 4);
        AgentTask task = new AgentTask("sum", List.of(in), Map.of(), summing(new ArrayList<>()), restoring);
        ChildThread running = ChildThread.start(task.newChild(), "sum");
        put(in, 5L, new CheckpointBarrier(9), EndOfStream.INSTANCE);
        assertThat(running.await()).isNull();
        assertThat(stateValue(acks.states.get("9/sum"), "sum")).isEqualTo(105);
        assertThat(task.stateBytes()).isPresent();
    }

    @Test
    void aRestartRequestFailsTheAgentAtItsNextStepAndAStopForGoodEndsIt() throws Exception {
        Channel<Long> in = new Channel<>("in", 4);
        List<Long> seen = new CopyOnWriteArrayList<>();
        AgentTask task = new AgentTask("a", List.of(in), Map.of(), summing(seen), services);
        ChildThread running = ChildThread.start(task.newChild(), "a");
        await().atMost(WAIT).until(() -> task.thread().isPresent());
        task.requestRestart("cpu limit");
        assertThat(running.await()).isInstanceOf(RestartRequestedException.class).hasMessageContaining("cpu limit");
        assertThat(deadLetters).isEmpty();

        ChildThread second = ChildThread.start(task.newChild(), "a2");
        await().atMost(WAIT).until(task::isRunning);
        task.requestStop("memory limit");
        assertThat(second.await()).isNull();
        assertThat(task.stoppedForGood()).contains("memory limit");
        ChildThread third = ChildThread.start(task.newChild(), "a3");
        await().atMost(WAIT).until(task::isRunning);
        assertThat(third.stop()).isNull();
    }

    @Test
    void emittingToAFullChannelIsMeasuredAsBackpressure() throws Exception {
        Channel<Long> in = new Channel<>("in", 4);
        Channel<Long> out = new Channel<>("out", 1);
        ChannelRef<Long> outRef = new ChannelRef<>("out", Long.class, 1);
        AtomicLong clock = new AtomicLong();
        TaskServices ticking = new TaskServices(metrics, new ObjectMapper(), acks,
                io.sabot.runtime.checkpoint.RecoveryState.NONE, deadLetters::add, java.time.Clock.systemUTC(),
                () -> clock.addAndGet(1000), n -> { });
        AgentTask task = new AgentTask("fwd", List.of(in), Map.of("out", out), (Agent<Long>) (stream, ctx) -> {
            for (Long e : stream) {
                ctx.emit(outRef, e);
            }
        }, ticking);
        ChildThread running = ChildThread.start(task.newChild(), "fwd");
        put(in, 1L, 2L);
        await().atMost(WAIT).until(() -> out.depth() == 1 && in.depth() == 0);
        assertThat(out.poll()).isEqualTo(1L);
        await().atMost(WAIT).until(() -> out.depth() == 1);
        assertThat(task.backpressuredNanos()).isPositive();
        assertThat(task.inputCapacity()).isEqualTo(4);
        assertThat(task.inputDepth()).isZero();
        assertThat(running.stop()).isNull();
    }

    @Test
    void emittingToAnUndeclaredChannelOrTheWrongTypeFails() throws Exception {
        Channel<Long> in = new Channel<>("in", 4);
        Channel<Long> out = new Channel<>("out", 4);
        ChannelRef<Long> outRef = new ChannelRef<>("out", Long.class, 4);
        ChannelRef<Long> other = new ChannelRef<>("other", Long.class, 4);
        @SuppressWarnings({"unchecked", "rawtypes"})
        ChannelRef<Object> wrongType = (ChannelRef) outRef;
        AgentTask undeclared = new AgentTask("a", List.of(in), Map.of("out", out), (Agent<Long>) (stream, ctx) -> {
            for (Long e : stream) {
                ctx.emit(outRef, e);
                ctx.emit(other, e);
            }
        }, services);
        put(in, 1L);
        assertThat(ChildThread.start(undeclared.newChild(), "a").await())
                .hasMessageContaining("did not declare as an output");
        AgentTask typed = new AgentTask("b", List.of(in), Map.of("out", out), (Agent<Long>) (stream, ctx) -> {
            for (Long e : stream) {
                ctx.emit(wrongType, "text");
            }
        }, services);
        put(in, 2L);
        assertThat(ChildThread.start(typed.newChild(), "b").await())
                .hasMessageContaining("emitted a java.lang.String to channel 'out', which carries java.lang.Long");
    }

    @Test
    void aThrottledAgentPausesInProportionToItsWork() throws Exception {
        Channel<Long> in = new Channel<>("in", 64);
        AtomicLong clock = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        List<Long> pauses = new CopyOnWriteArrayList<>();
        TaskServices timed = new TaskServices(metrics, new ObjectMapper(), acks,
                io.sabot.runtime.checkpoint.RecoveryState.NONE, deadLetters::add, java.time.Clock.systemUTC(),
                clock::get, nanos -> {
                    pauses.add(nanos);
                    clock.addAndGet(nanos);
                }, () -> busy.addAndGet(1_000_000));
        AgentTask task = new AgentTask("slow", List.of(in), Map.of(), summing(new ArrayList<>()), timed);
        task.throttle(0.5);
        for (long i = 0; i < 10; i++) {
            put(in, i);
        }
        put(in, EndOfStream.INSTANCE);
        assertThat(ChildThread.start(task.newChild(), "slow").await()).isNull();
        // each event keeps the agent busy 1 ms (the busy-time reading advances 1 ms per read, read before and after
        // it); at half a core the agent pauses as long again, and the sleeper really pauses that long
        assertThat(pauses).hasSize(10).allMatch(p -> p == 1_000_000L);
        assertThat(metrics.count(StandardMetrics.PROCESSING_LATENCY, "slow")).isEqualTo(10);
        task.throttle(2);
        assertThat(task.thread()).isEmpty();
    }

    @Test
    void theStreamIsIteratedOnceAndNamesTheCurrentChannel() throws Exception {
        Channel<Long> in = new Channel<>("in", 4);
        List<String> observed = new CopyOnWriteArrayList<>();
        AgentTask task = new AgentTask("a", List.of(in), Map.of(), (Agent<Long>) (stream, ctx) -> {
            observed.add(String.valueOf(stream.currentChannel()));
            for (Long e : stream) {
                observed.add(stream.currentChannel() + ":" + e + ":" + ctx.agentId() + ":" + ctx.restarts());
            }
            assertThat(ctx.metrics()).isSameAs(metrics);
            stream.iterator();
        }, services);
        put(in, 7L, EndOfStream.INSTANCE);
        assertThat(ChildThread.start(task.newChild(), "a").await()).hasMessageContaining("iterated only once");
        assertThat(observed).containsExactly("null", "in:7:a:0");
    }
}
