package io.sabot.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.DeadLetter;
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
import io.sabot.runtime.source.SequenceSource;
import io.sabot.runtime.state.StateBackend;
import io.sabot.runtime.testing.ChildThread;
import io.sabot.runtime.testing.InMemorySavepointStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A ONE_FOR_ALL group as a consistent region, with the supervisor's part played by a small loop in the test (the
 * supervisor is not wired in yet): when any task fails, every task of the group is stopped, the region is reset and
 * every task restarts from the latest completed checkpoint. With crashes injected at many points, the final state
 * must be exactly that of a run without crashes: every event counted once.
 */
class RegionRecoveryTest {

    private static final long END = 4_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    static final class CrashingApp implements App {
        final Set<Long> crashAt;

        CrashingApp(Set<Long> crashAt) {
            this.crashAt = crashAt;
        }

        @Override
        public void configure(AppBuilder app) {
            ChannelRef<Long> numbers = app.channel("numbers", Long.class, 32);
            ChannelRef<Long> squares = app.channel("squares", Long.class, 32);
            app.group("region").strategy("one_for_all");
            app.source("generator", numbers, () -> SequenceSource.longs().endBefore(END).batchSize(5).build())
                    .inGroup("region");
            app.agent("counter", numbers, (stream, ctx) -> {
                ValueState<Long> count = ctx.valueState("count", Long.class);
                MapState<Long, Long> byDigit = ctx.mapState("by-digit", Long.class, Long.class);
                for (Long n : stream) {
                    if (crashAt.remove(n)) {
                        throw new IllegalStateException("injected crash at " + n);
                    }
                    count.update(count.valueOr(0L) + 1);
                    byDigit.merge(n % 10, 1L, Long::sum);
                    ctx.emit(squares, n * n);
                }
            }).emitsTo(squares).inGroup("region");
            app.agent("sink", squares, (stream, ctx) -> {
                ValueState<Long> total = ctx.valueState("total", Long.class);
                for (Long n : stream) {
                    if (crashAt.remove(-n)) {
                        throw new IllegalStateException("injected sink crash at " + n);
                    }
                    total.update(total.valueOr(0L) + n);
                }
            }).inGroup("region");
        }

        @Override
        public String id() {
            return "crashing-app";
        }
    }

    private static StateBackend state(CheckpointCoordinator c, SnapshotMetadata m, String agent) throws Exception {
        StateBackend backend = new StateBackend(agent, new ObjectMapper());
        backend.restore(c.storage().readState(m, agent).orElseThrow());
        return backend;
    }

    /** Runs the app to its end, restarting the whole region after each failure; returns the number of restarts. */
    private static int runToEnd(TaskGraph graph, CheckpointCoordinator coordinator) throws Exception {
        int restarts = 0;
        while (true) {
            List<ChildThread> threads = new ArrayList<>();
            for (ChildSpec spec : graph.childSpecs("region")) {
                threads.add(ChildThread.start(spec.factory().create(List.of()), spec.id()));
            }
            await().atMost(WAIT).until(() -> allFinished(graph) || threads.stream().anyMatch(ChildThread::isDone)
                    && threads.stream().anyMatch(t -> t.isDone() && failed(t)));
            if (allFinished(graph)) {
                for (ChildThread t : threads) {
                    assertThat(t.await()).isNull();
                }
                return restarts;
            }
            // ONE_FOR_ALL: stop every task of the region, reset it, restart all from the latest checkpoint
            threads.forEach(t -> t.child().requestStop());
            await().atMost(WAIT).until(() -> {
                graph.resetChannels(List.of("numbers", "squares"));
                return threads.stream().allMatch(ChildThread::isDone);
            });
            graph.resetForRecovery("region");
            coordinator.abortPending("the region restarts");
            restarts++;
        }
    }

    private static boolean failed(ChildThread t) {
        try {
            return t.await() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean allFinished(TaskGraph graph) {
        return graph.sources().stream().allMatch(SourceTask::isFinished)
                && graph.agents().stream().allMatch(AgentTask::isFinished);
    }

    @Test
    void everyEventIsCountedOnceWhateverTheCrashPoints() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 4; round++) {
            Set<Long> crashAt = ConcurrentHashMap.newKeySet();
            while (crashAt.size() < 3) {
                long n = 1 + random.nextInt((int) END - 1);
                crashAt.add(random.nextBoolean() ? n : -(n * n));
            }
            int injected = crashAt.size();
            List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
            InMemorySavepointStore store = new InMemorySavepointStore();
            AppModel model = AppModel.of(new CrashingApp(crashAt), AppSettings.of(Map.of()));
            assertThat(model.groups().get("region").strategy()).contains("one_for_all");
            try (CheckpointCoordinator coordinator = CheckpointCoordinator.builder(model.appId(), store)
                    .retained(2).timeout(Duration.ofSeconds(20)).build()) {
                coordinator.initialize();
                TaskGraph graph = TaskGraph.create(model, TaskServices.defaults()
                        .withCheckpoints(coordinator, coordinator.recoveryState()));
                coordinator.register(graph.sources(), graph.agents());
                coordinator.startPeriodic(Duration.ofMillis(3));
                int restarts = runToEnd(graph, coordinator);
                coordinator.stopPeriodic();
                // two crashes may land in one run of the region (the sink's before the counter's is noticed)
                assertThat(restarts).as("round %d", round).isBetween(1, injected);
                assertThat(crashAt).isEmpty();

                SnapshotMetadata last = coordinator.trigger().get(60, TimeUnit.SECONDS);
                StateBackend counter = state(coordinator, last, "counter");
                assertThat(counter.valueState("count", Long.class).value()).as("round %d", round).isEqualTo(END);
                MapState<Long, Long> byDigit = counter.mapState("by-digit", Long.class, Long.class);
                for (long d = 0; d < 10; d++) {
                    assertThat(byDigit.get(d)).isEqualTo(END / 10);
                }
                long expected = 0;
                for (long n = 0; n < END; n++) {
                    expected += n * n;
                }
                assertThat(state(coordinator, last, "sink").valueState("total", Long.class).value())
                        .as("round %d", round).isEqualTo(expected);
                assertThat(graph.resetForRecovery("region")).isZero();
            }
        }
    }
}
