package io.sabot.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.Source;
import io.sabot.api.agent.SourceOutput;
import io.sabot.api.agent.SourcePosition;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.state.MapState;
import io.sabot.api.state.ValueState;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.runtime.agent.AgentTask;
import io.sabot.runtime.agent.SourceTask;
import io.sabot.runtime.agent.TaskServices;
import io.sabot.runtime.app.AppModel;
import io.sabot.runtime.app.AppSettings;
import io.sabot.runtime.checkpoint.CheckpointCoordinator;
import io.sabot.runtime.state.StateBackend;
import io.sabot.runtime.testing.ChildThread;
import io.sabot.runtime.testing.InMemorySavepointStore;
import io.sabot.tck.metrics.RecordingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A source, a stateful agent and a sink driven in-process on plain threads (no supervisor yet), checkpointed to a
 * test store, "crashed" and restored: the restored run ends with exactly the counts of a run without a crash.
 */
class PipelineCheckpointTest {

    private static final long END = 3_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Emits 0, 1, 2, ... below END, one per permit, so the test controls how far it gets. */
    static final class GatedSource implements Source<Long> {
        private final Semaphore permits;
        private long next;

        GatedSource(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public void open(SourcePosition position) {
            next = position.offset();
        }

        @Override
        public boolean emitNext(SourceOutput<Long> out) throws InterruptedException {
            if (next >= END) {
                return false;
            }
            if (permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                out.emit(next++);
            }
            return true;
        }

        @Override
        public SourcePosition position() {
            return SourcePosition.of(next);
        }
    }

    static final class CountingApp implements App {
        private final Semaphore permits;

        CountingApp(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public void configure(AppBuilder app) {
            ChannelRef<Long> numbers = app.channel("numbers", Long.class, 16);
            ChannelRef<Long> doubled = app.channel("doubled", Long.class, 16);
            app.source("generator", numbers, () -> new GatedSource(permits));
            app.agent("counter", numbers, (stream, ctx) -> {
                ValueState<Long> count = ctx.valueState("count", Long.class);
                MapState<Long, Long> byDigit = ctx.mapState("by-digit", Long.class, Long.class);
                for (Long n : stream) {
                    count.update(count.valueOr(0L) + 1);
                    byDigit.merge(n % 10, 1L, Long::sum);
                    ctx.emit(doubled, n * 2);
                }
            }).emitsTo(doubled);
            app.agent("sink", doubled, (stream, ctx) -> {
                ValueState<Long> count = ctx.valueState("count", Long.class);
                ValueState<Long> total = ctx.valueState("total", Long.class);
                for (Long n : stream) {
                    count.update(count.valueOr(0L) + 1);
                    total.update(total.valueOr(0L) + n);
                }
            });
        }
    }

    /** One run of the app: its graph, its coordinator and the threads of its tasks. */
    private static final class Run {
        final TaskGraph graph;
        final CheckpointCoordinator coordinator;
        final List<ChildThread> threads = new ArrayList<>();

        Run(InMemorySavepointStore store, Semaphore permits, RecordingMetrics metrics) throws Exception {
            AppModel model = AppModel.of(new CountingApp(permits), AppSettings.of(Map.of()));
            coordinator = CheckpointCoordinator.builder(model.appId(), store).retained(2).metrics(metrics).build();
            coordinator.initialize();
            TaskServices services = TaskServices.defaults().withMetrics(metrics)
                    .withCheckpoints(coordinator, coordinator.recoveryState());
            graph = TaskGraph.create(model, services);
            coordinator.register(graph.sources(), graph.agents());
            for (ChildSpec spec : graph.childSpecs(AppModel.DEFAULT_GROUP)) {
                threads.add(ChildThread.start(spec.factory().create(List.of()), spec.id()));
            }
        }

        SnapshotMetadata checkpoint() throws Exception {
            return coordinator.trigger().get(60, TimeUnit.SECONDS);
        }

        boolean finished() {
            return graph.sources().stream().allMatch(SourceTask::isFinished)
                    && graph.agents().stream().allMatch(AgentTask::isFinished);
        }

        void crash() throws Exception {
            for (ChildThread t : threads) {
                t.child().requestStop();
            }
            for (ChildThread t : threads) {
                assertThat(t.await()).isNull();
            }
            coordinator.close();
        }
    }

    private static StateBackend state(CheckpointCoordinator coordinator, SnapshotMetadata m, String agent)
            throws Exception {
        StateBackend backend = new StateBackend(agent, new ObjectMapper());
        backend.restore(coordinator.storage().readState(m, agent).orElseThrow());
        return backend;
    }

    @Test
    void aRestoredPipelineEndsWithExactlyTheCountsOfARunWithoutACrash() throws Exception {
        InMemorySavepointStore store = new InMemorySavepointStore();
        RecordingMetrics metrics = new RecordingMetrics();
        Semaphore permits = new Semaphore(0);
        Run first = new Run(store, permits, metrics);
        permits.release(1_000);
        await().atMost(WAIT).until(() -> first.graph.agent("sink").orElseThrow().eventsProcessed() >= 500);
        SnapshotMetadata chk = first.checkpoint();
        long position = chk.sourcePositions().get("generator").offset();
        assertThat(position).isBetween(500L, 1_000L);
        assertThat(state(first.coordinator, chk, "counter").valueState("count", Long.class).value())
                .as("the counter's state holds exactly the events before the source's recorded position")
                .isEqualTo(position);
        // events after the checkpoint are processed, then lost with the crash and replayed after the restore
        permits.release(500);
        await().atMost(WAIT).until(() -> first.graph.agent("sink").orElseThrow().eventsProcessed() >= 1_400);
        first.crash();
        assertThat(metrics.count(StandardMetrics.EVENTS_PROCESSED, "counter", "numbers")).isGreaterThan(position);

        Semaphore unlimited = new Semaphore(Integer.MAX_VALUE);
        Run second = new Run(store, unlimited, metrics);
        assertThat(second.coordinator.latestCompleted()).contains(chk);
        await().atMost(WAIT).until(second::finished);
        SnapshotMetadata last = second.checkpoint();
        assertThat(last.checkpointId()).isEqualTo(chk.checkpointId() + 1);
        assertThat(last.sourcePositions().get("generator")).isEqualTo(SourcePosition.of(END));

        StateBackend counter = state(second.coordinator, last, "counter");
        assertThat(counter.valueState("count", Long.class).value()).isEqualTo(END);
        MapState<Long, Long> byDigit = counter.mapState("by-digit", Long.class, Long.class);
        for (long d = 0; d < 10; d++) {
            assertThat(byDigit.get(d)).as("digit %d", d).isEqualTo(END / 10);
        }
        StateBackend sink = state(second.coordinator, last, "sink");
        assertThat(sink.valueState("count", Long.class).value()).isEqualTo(END);
        assertThat(sink.valueState("total", Long.class).value()).isEqualTo(END * (END - 1));
        assertThat(second.graph.agent("sink").orElseThrow().stateBytes().orElseThrow()).isPositive();
        assertThat(metrics.gaugeValue(StandardMetrics.AGENT_STATE_BYTES, "sink"))
                .as("the resource monitor exports the state size; the runtime's tasks do not")
                .isEmpty();
        assertThat(metrics.gaugeValue(StandardMetrics.CHANNEL_CAPACITY, "numbers")).hasValue(16);
        assertThat(metrics.gaugeValue(StandardMetrics.CHANNEL_DEPTH, "numbers")).hasValue(0);
        for (ChildThread t : second.threads) {
            assertThat(t.await()).isNull();
        }
        second.coordinator.close();
    }

    @Test
    void periodicCheckpointsOfARunningPipelineAreRetainedAndConsistent() throws Exception {
        InMemorySavepointStore store = new InMemorySavepointStore();
        Semaphore permits = new Semaphore(Integer.MAX_VALUE);
        Run run = new Run(store, permits, new RecordingMetrics());
        run.coordinator.startPeriodic(Duration.ofMillis(5));
        await().atMost(WAIT).until(run::finished);
        run.coordinator.stopPeriodic();
        SnapshotMetadata last = run.checkpoint();
        assertThat(run.coordinator.storage().completed()).hasSize(2);
        for (SnapshotMetadata m : run.coordinator.storage().completed()) {
            long position = m.sourcePositions().get("generator").offset();
            assertThat(state(run.coordinator, m, "counter").valueState("count", Long.class).value())
                    .isEqualTo(position);
        }
        assertThat(state(run.coordinator, last, "sink").valueState("count", Long.class).value()).isEqualTo(END);
        assertThat(run.graph.monitoredAgents().agents()).hasSize(3);
        assertThat(run.graph.childSpecs(AppModel.DEFAULT_GROUP)).extracting(ChildSpec::id)
                .containsExactly("counter", "sink", "generator");
        assertThat(run.graph.channels()).containsOnlyKeys("numbers", "doubled");
        assertThat(run.graph.source("generator")).isPresent();
        assertThat(run.graph.source("generator").orElseThrow().finalPosition()).contains(SourcePosition.of(END));
        assertThat(run.graph.model().appId()).isEqualTo("counting-app");
        assertThat(run.graph.resetChannels(List.of("numbers", "doubled"))).isZero();
        run.crash();
    }
}
