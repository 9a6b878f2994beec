package io.sabot.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.agent.Source;
import io.sabot.api.agent.SourceOutput;
import io.sabot.api.agent.SourcePosition;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.runtime.channel.Channel;
import io.sabot.runtime.channel.CheckpointBarrier;
import io.sabot.runtime.channel.EndOfStream;
import io.sabot.runtime.checkpoint.RecoveryState;
import io.sabot.runtime.source.SequenceSource;
import io.sabot.runtime.testing.ChildThread;
import io.sabot.runtime.testing.RecordingAcks;
import io.sabot.tck.metrics.RecordingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceTaskTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final RecordingAcks acks = new RecordingAcks();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final TaskServices services = TaskServices.defaults().withMetrics(metrics)
            .withCheckpoints(acks, RecoveryState.NONE);

    private static List<Object> drain(Channel<?> c) {
        List<Object> out = new ArrayList<>();
        for (Object o = c.poll(); o != null; o = c.poll()) {
            out.add(o);
        }
        return out;
    }

    @Test
    void emitsUntilExhaustedThenSendsTheEndOfStream() throws Exception {
        Channel<Long> out = new Channel<>("out", 16);
        SourceTask task = new SourceTask("seq", out, Long.class,
                () -> SequenceSource.longs().endBefore(5).build(), services);
        assertThat(ChildThread.start(task.newChild(), "seq").await()).isNull();
        assertThat(drain(out)).containsExactly(0L, 1L, 2L, 3L, 4L, EndOfStream.INSTANCE);
        assertThat(task.isFinished()).isTrue();
        assertThat(task.finalPosition()).contains(SourcePosition.of(5));
        assertThat(task.eventsProcessed()).isEqualTo(5);
        task.checkpointTriggered(3);
        assertThat(acks.positions).containsEntry("3/seq", SourcePosition.of(5));
        assertThat(task.inputDepth()).isZero();
        assertThat(task.inputCapacity()).isZero();

        ChildThread again = ChildThread.start(task.newChild(), "seq-again");
        await().atMost(WAIT).until(task::isRunning);
        assertThat(again.stop()).isNull();
        assertThat(drain(out)).isEmpty();

        task.resetForRecovery();
        assertThat(task.isFinished()).isFalse();
    }

    @Test
    void injectsBarriersBetweenEmitCallsWithThePositionAtThatPoint() throws Exception {
        Channel<Long> out = new Channel<>("out", 64);
        SourceTask task = new SourceTask("seq", out, Long.class,
                () -> SequenceSource.longs().endBefore(20).batchSize(4).build(), services);
        task.checkpointTriggered(1);
        task.checkpointTriggered(2);
        assertThat(task.pendingBarriers()).containsExactly(1L, 2L);
        assertThat(ChildThread.start(task.newChild(), "seq").await()).isNull();
        List<Object> elements = drain(out);
        assertThat(elements.subList(0, 2)).containsExactly(new CheckpointBarrier(1), new CheckpointBarrier(2));
        assertThat(acks.positions).containsEntry("1/seq", SourcePosition.START);
        assertThat(elements).hasSize(2 + 20 + 1);
    }

    @Test
    void resumesAtTheRecoveredPosition() throws Exception {
        Channel<Long> out = new Channel<>("out", 64);
        TaskServices recovering = services.withCheckpoints(acks, new RecoveryState() {
            @Override
            public Optional<byte[]> agentState(String agentId) {
                return Optional.empty();
            }

            @Override
            public Optional<SourcePosition> sourcePosition(String source) {
                return Optional.of(SourcePosition.of(7));
            }
        });
        SourceTask task = new SourceTask("seq", out, Long.class,
                () -> SequenceSource.longs().endBefore(10).build(), recovering);
        assertThat(ChildThread.start(task.newChild(), "seq").await()).isNull();
        assertThat(drain(out)).containsExactly(7L, 8L, 9L, EndOfStream.INSTANCE);
    }

    @Test
    void aFailingSourceIsReportedAndClosed() throws Exception {
        Channel<Long> out = new Channel<>("out", 4);
        List<String> closed = new ArrayList<>();
        SourceTask task = new SourceTask("broken", out, Long.class, () -> new Source<Long>() {
            @Override
            public void open(SourcePosition position) {
            }

            @Override
            public boolean emitNext(SourceOutput<Long> o) {
                throw new IllegalStateException("disk gone");
            }

            @Override
            public SourcePosition position() {
                return SourcePosition.START;
            }

            @Override
            public void close() {
                closed.add("closed");
                throw new IllegalStateException("close failed too");
            }
        }, services);
        assertThat(ChildThread.start(task.newChild(), "broken").await()).hasMessage("disk gone");
        assertThat(closed).containsExactly("closed");
        assertThat(acks.failures).containsExactly("broken");
        assertThat(metrics.count(StandardMetrics.ERRORS, "broken", "IllegalStateException")).isEqualTo(1);
        assertThat(task.lastFailure()).isPresent();
    }

    @Test
    void refusesEventsOfTheWrongTypeAndANullSource() throws Exception {
        Channel<Long> out = new Channel<>("out", 4);
        @SuppressWarnings({"unchecked", "rawtypes"})
        SourceTask wrong = new SourceTask("wrong", out, Long.class,
                () -> (Source) SequenceSource.of(n -> "text").build(), services);
        assertThat(ChildThread.start(wrong.newChild(), "wrong").await())
                .hasMessageContaining("emitted a java.lang.String to channel 'out', which carries java.lang.Long");
        SourceTask nothing = new SourceTask("nothing", out, Long.class, () -> null, services);
        assertThat(ChildThread.start(nothing.newChild(), "nothing").await())
                .hasMessageContaining("its factory returned null");
    }

    @Test
    void stopsOnRequestAndRestartsOnRequest() throws Exception {
        Channel<Long> out = new Channel<>("out", 4);
        SourceTask task = new SourceTask("endless", out, Long.class, () -> SequenceSource.longs().build(), services);
        ChildThread running = ChildThread.start(task.newChild(), "endless");
        await().atMost(WAIT).until(() -> out.depth() == 4);
        assertThat(task.backpressuredNanos()).isGreaterThanOrEqualTo(0);
        task.requestRestart("testing");
        await().atMost(WAIT).until(() -> {
            out.reset();
            return running.isDone();
        });
        assertThat(running.await()).isInstanceOf(RestartRequestedException.class);
        ChildThread second = ChildThread.start(task.newChild(), "endless-2");
        await().atMost(WAIT).until(() -> out.depth() == 4);
        task.requestStop("done");
        await().atMost(WAIT).until(() -> {
            out.reset();
            return second.isDone();
        });
        assertThat(second.await()).isNull();
        assertThat(task.stoppedForGood()).contains("done");
        assertThat(task.restarts()).isEqualTo(1);
    }

    @Test
    void aStopWhileBlockedOnAFullChannelEndsTheSourceAfterTheInterrupt() throws Exception {
        Channel<Long> out = new Channel<>("out", 1);
        SourceTask task = new SourceTask("endless", out, Long.class, () -> SequenceSource.longs().build(), services);
        ChildThread running = ChildThread.start(task.newChild(), "endless");
        await().atMost(WAIT).until(() -> task.thread().map(t -> t.getState() == Thread.State.WAITING).orElse(false));
        Thread thread = task.thread().orElseThrow();
        running.child().requestStop();
        thread.interrupt();
        assertThat(running.await()).isNull();
        assertThat(task.backpressuredNanos()).isPositive();
    }
}
