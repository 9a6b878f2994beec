package io.sabot.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.state.MapState;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.runtime.agent.AgentTask;
import io.sabot.runtime.agent.TaskServices;
import io.sabot.runtime.app.AppModel;
import io.sabot.runtime.app.AppSettings;
import io.sabot.runtime.checkpoint.CheckpointCoordinator;
import io.sabot.runtime.source.FileLinesSource;
import io.sabot.runtime.source.SequenceSource;
import io.sabot.runtime.state.StateBackend;
import io.sabot.runtime.testing.ChildThread;
import io.sabot.runtime.testing.InMemorySavepointStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sources feeding one agent through two channels: every checkpoint taken while they run must hold, for each
 * input, exactly the events before that source's recorded position - the barriers were aligned.
 */
class MultiInputPipelineTest {

    private static final int LINES = 2_000;
    private static final long NUMBERS = 5_000;

    @TempDir
    Path dir;

    @Test
    void everyCheckpointIsConsistentAcrossBothInputs() throws Exception {
        Path file = dir.resolve("words.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            text.append("w").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));

        App app = new App() {
            @Override
            public void configure(AppBuilder b) {
                ChannelRef<String> words = b.channel("words", String.class, 8);
                ChannelRef<Long> numbers = b.channel("numbers", Long.class, 8);
                b.source("file", words, () -> new FileLinesSource(file));
                b.source("sequence", numbers, () -> SequenceSource.longs().endBefore(NUMBERS).batchSize(3).build());
                b.agent("join", List.<ChannelRef<?>>of(words, numbers), (stream, ctx) -> {
                    MapState<String, Long> counts = ctx.mapState("counts", String.class, Long.class);
                    for (Object e : stream) {
                        counts.merge(stream.currentChannel(), 1L, Long::sum);
                    }
                });
            }

            @Override
            public String id() {
                return "join-app";
            }
        };
        InMemorySavepointStore store = new InMemorySavepointStore();
        AppModel model = AppModel.of(app, AppSettings.of(Map.of()));
        try (CheckpointCoordinator coordinator = CheckpointCoordinator.builder("join-app", store).retained(50)
                .build()) {
            TaskGraph graph = TaskGraph.create(model, TaskServices.defaults()
                    .withCheckpoints(coordinator, coordinator.recoveryState()));
            coordinator.register(graph.sources(), graph.agents());
            List<ChildThread> threads = new ArrayList<>();
            for (ChildSpec spec : graph.childSpecs(AppModel.DEFAULT_GROUP)) {
                threads.add(ChildThread.start(spec.factory().create(List.of()), spec.id()));
            }
            coordinator.startPeriodic(Duration.ofMillis(2));
            AgentTask join = graph.agent("join").orElseThrow();
            await().atMost(Duration.ofSeconds(60)).until(join::isFinished);
            coordinator.stopPeriodic();
            coordinator.trigger().get(60, TimeUnit.SECONDS);
            for (ChildThread t : threads) {
                assertThat(t.await()).isNull();
            }

            List<SnapshotMetadata> checkpoints = coordinator.storage().completed();
            assertThat(checkpoints).isNotEmpty();
            List<Long> lineOffsets = new ArrayList<>();
            long offset = 0;
            for (int i = 0; i < LINES; i++) {
                lineOffsets.add(offset);
                offset += ("w" + i).length() + (i % 2 == 0 ? 2 : 1);
            }
            lineOffsets.add(offset);
            for (SnapshotMetadata m : checkpoints) {
                StateBackend state = new StateBackend("join", new ObjectMapper());
                state.restore(coordinator.storage().readState(m, "join").orElseThrow());
                MapState<String, Long> counts = state.mapState("counts", String.class, Long.class);
                long numbers = m.sourcePositions().get("sequence").offset();
                long fileOffset = m.sourcePositions().get("file").offset();
                assertThat(counts.get("numbers") == null ? 0 : counts.get("numbers")).as(m.id()).isEqualTo(numbers);
                long lines = counts.get("words") == null ? 0 : counts.get("words");
                assertThat(lineOffsets.get((int) lines)).as(m.id()).isEqualTo(fileOffset);
            }
            SnapshotMetadata last = checkpoints.get(0);
            StateBackend state = new StateBackend("join", new ObjectMapper());
            state.restore(coordinator.storage().readState(last, "join").orElseThrow());
            assertThat(state.mapState("counts", String.class, Long.class).get("words")).isEqualTo(LINES);
            assertThat(state.mapState("counts", String.class, Long.class).get("numbers")).isEqualTo(NUMBERS);
        }
    }
}
