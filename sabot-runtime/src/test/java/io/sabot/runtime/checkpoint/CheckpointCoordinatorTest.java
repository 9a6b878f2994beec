package io.sabot.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sabot.api.agent.SourcePosition;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.testing.InMemorySavepointStore;
import io.sabot.tck.metrics.RecordingMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckpointCoordinatorTest {

    private final InMemorySavepointStore store = new InMemorySavepointStore();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private CheckpointCoordinator coordinator;

    @AfterEach
    void close() {
        if (coordinator != null) {
            coordinator.close();
        }
    }

    /** A participant that answers every trigger at once, as a source or as an agent. */
    private final class Immediate implements CheckpointParticipant {
        final String id;
        final boolean source;
        final AtomicLong counter = new AtomicLong();
        volatile boolean silent;
        volatile long aborted;

        Immediate(String id, boolean source) {
            this.id = id;
            this.source = source;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void checkpointTriggered(long checkpointId) {
            if (silent) {
                return;
            }
            long n = counter.incrementAndGet();
            if (source) {
                coordinator.acknowledgeSource(checkpointId, id, SourcePosition.of(n * 10));
            } else {
                coordinator.acknowledgeAgent(checkpointId, id, ("state-" + n).getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void checkpointAborted(long checkpointId) {
            aborted = checkpointId;
        }
    }

    private Immediate source;
    private Immediate agent;

    private CheckpointCoordinator coordinator(int retained) throws Exception {
        coordinator = CheckpointCoordinator.builder("app", store).retained(retained).metrics(metrics)
                .clock(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC)).build();
        source = new Immediate("src", true);
        agent = new Immediate("agent", false);
        coordinator.register(List.of(source), List.of(agent));
        coordinator.initialize();
        return coordinator;
    }

    private static SnapshotMetadata get(CompletableFuture<SnapshotMetadata> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aCheckpointWritesEachAgentsStateAndThenItsMetadata() throws Exception {
        coordinator(3);
        SnapshotMetadata m = get(coordinator.trigger());
        assertThat(m.id()).isEqualTo("chk-1");
        assertThat(m.checkpointId()).isEqualTo(1);
        assertThat(m.appId()).isEqualTo("app");
        assertThat(m.agentIds()).containsExactly("agent");
        assertThat(m.sourcePositions()).containsEntry("src", SourcePosition.of(10));
        assertThat(m.files()).hasSize(1);
        assertThat(m.files().get(0).path()).isEqualTo("agent.state");
        assertThat(m.files().get(0).size()).isEqualTo(7);
        assertThat(m.files().get(0).crc32c()).isEqualTo(CheckpointStorage.crc32c("state-1".getBytes(StandardCharsets.UTF_8)));
        assertThat(store.keys()).containsExactly("chk-1/_metadata.json", "chk-1/agent.state");
        assertThat(coordinator.latestCompleted()).contains(m);
        assertThat(coordinator.storage().latestCompleted()).contains(m);
        assertThat(new String(coordinator.recoveryState().agentState("agent").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("state-1");
        assertThat(coordinator.recoveryState().sourcePosition("src")).contains(SourcePosition.of(10));
        assertThat(coordinator.recoveryState().agentState("unknown")).isEmpty();
        assertThat(metrics.count(StandardMetrics.CHECKPOINTS, "completed")).isEqualTo(1);
        assertThat(metrics.count(StandardMetrics.CHECKPOINT_DURATION)).isEqualTo(1);
        assertThat(metrics.count(StandardMetrics.CHECKPOINT_SIZE)).isEqualTo(1);
    }

    @Test
    void keepsTheLastNCompletedCheckpoints() throws Exception {
        coordinator(2);
        for (int i = 0; i < 4; i++) {
            get(coordinator.trigger());
        }
        assertThat(store.keys()).containsExactly("chk-3/_metadata.json", "chk-3/agent.state",
                "chk-4/_metadata.json", "chk-4/agent.state");
        assertThat(coordinator.storage().completed()).extracting(SnapshotMetadata::id)
                .containsExactly("chk-4", "chk-3");
    }

    @Test
    void aStoreFailurePartWayLeavesThePreviousCheckpointAsTheLatest() throws Exception {
        coordinator(3);
        SnapshotMetadata first = get(coordinator.trigger());
        store.failPutsOf(key -> key.startsWith("chk-2/"));
        CompletableFuture<SnapshotMetadata> failed = coordinator.trigger();
        assertThatThrownBy(() -> get(failed)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CheckpointAbortedException.class)
                .hasMessageContaining("checkpoint 2 aborted: writing the state of agent 'agent' failed");
        assertThat(coordinator.latestCompleted()).contains(first);
        assertThat(coordinator.storage().latestCompleted()).contains(first);
        assertThat(coordinator.recoveryState().sourcePosition("src")).contains(SourcePosition.of(10));
        assertThat(agent.aborted).isEqualTo(2);
        assertThat(metrics.count(StandardMetrics.CHECKPOINTS, "failed")).isEqualTo(1);

        store.failPutsOf(key -> key.endsWith(SnapshotMetadata.METADATA_FILE));
        assertThatThrownBy(() -> get(coordinator.trigger())).hasMessageContaining("writing its metadata failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.keys().stream().noneMatch(k -> k.startsWith("chk-3")));
        assertThat(coordinator.storage().latestCompleted()).contains(first);

        store.failPutsOf(key -> false);
        assertThat(get(coordinator.trigger()).id()).isEqualTo("chk-4");
        assertThat(store.keys()).noneMatch(k -> k.startsWith("chk-2") || k.startsWith("chk-3"));
    }

    @Test
    void aTaskFailureAbortsTheCheckpointInProgress() throws Exception {
        coordinator(3);
        agent.silent = true;
        CompletableFuture<SnapshotMetadata> f = coordinator.trigger();
        coordinator.taskFailed("agent", new IllegalStateException("boom"));
        assertThatThrownBy(() -> get(f)).hasMessageContaining("task 'agent' failed");
        coordinator.taskFailed("agent", new IllegalStateException("again"));
        agent.silent = false;
        assertThat(get(coordinator.trigger()).checkpointId()).isEqualTo(2);
    }

    @Test
    void aCheckpointThatDoesNotCompleteInTimeIsAborted() throws Exception {
        coordinator = CheckpointCoordinator.builder("app", store).timeout(Duration.ofMillis(50)).build();
        Immediate silentAgent = new Immediate("agent", false);
        silentAgent.silent = true;
        coordinator.register(List.of(), List.of(silentAgent));
        assertThatThrownBy(() -> get(coordinator.trigger())).hasMessageContaining("did not complete within");
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void anOnDemandTriggerDuringACheckpointRunsAfterIt() throws Exception {
        coordinator(3);
        agent.silent = true;
        CompletableFuture<SnapshotMetadata> first = coordinator.trigger();
        CompletableFuture<SnapshotMetadata> second = coordinator.trigger();
        assertThat(coordinator.trigger()).isSameAs(second);
        agent.silent = false;
        coordinator.acknowledgeAgent(1, "agent", new byte[] {1});
        coordinator.acknowledgeAgent(1, "agent", new byte[] {2});
        coordinator.acknowledgeAgent(7, "agent", new byte[] {3});
        coordinator.acknowledgeSource(1, "agent", SourcePosition.of(1));
        assertThat(get(first).checkpointId()).isEqualTo(1);
        assertThat(get(second).checkpointId()).isEqualTo(2);
    }

    @Test
    void periodicCheckpointsRunUntilStopped() throws Exception {
        coordinator(5);
        coordinator.startPeriodic(Duration.ofMillis(20));
        await().atMost(Duration.ofSeconds(30)).until(() -> coordinator.latestCompleted()
                .map(SnapshotMetadata::checkpointId).orElse(0L) >= 3);
        coordinator.startPeriodic(Duration.ofMillis(20));
        coordinator.stopPeriodic();
        coordinator.stopPeriodic();
        assertThatThrownBy(() -> coordinator.startPeriodic(Duration.ZERO)).hasMessageContaining("must be positive");
    }

    @Test
    void numberingContinuesAfterTheStoreAndIncompleteLeftoversAreRemoved() throws Exception {
        coordinator(3);
        get(coordinator.trigger());
        coordinator.close();
        store.put("chk-5/agent.state", new byte[] {1, 2}, PutMode.OVERWRITE);
        store.put("not-a-checkpoint/file", new byte[] {1}, PutMode.OVERWRITE);

        coordinator(3);
        assertThat(coordinator.latestCompleted()).map(SnapshotMetadata::id).contains("chk-1");
        assertThat(store.keys()).doesNotContain("chk-5/agent.state").contains("not-a-checkpoint/file");
        assertThat(get(coordinator.trigger()).id()).isEqualTo("chk-6");
    }

    @Test
    void aCheckpointDirectoryWithoutOrWithBadMetadataIsNeverTrusted() throws Exception {
        coordinator(3);
        SnapshotMetadata good = get(coordinator.trigger());
        store.put("chk-8/agent.state", new byte[] {1}, PutMode.OVERWRITE);
        store.put("chk-9/_metadata.json", "{broken".getBytes(StandardCharsets.UTF_8), PutMode.OVERWRITE);
        store.put("chk-10/_metadata.json", new SnapshotMetadataJson().write(new SnapshotMetadata(1,
                io.sabot.api.savepoint.SnapshotKind.CHECKPOINT, "chk-3", "app", Instant.EPOCH, "", 3, List.of(),
                List.of(), java.util.Map.of())), PutMode.OVERWRITE);
        assertThat(coordinator.storage().latestCompleted()).contains(good);
        assertThat(coordinator.storage().checkpointNumbers()).containsExactly(10L, 9L, 8L, 1L);
    }

    @Test
    void aCorruptStateFileIsRefusedOnRestore() throws Exception {
        coordinator(3);
        SnapshotMetadata m = get(coordinator.trigger());
        store.put("chk-1/agent.state", "tampered".getBytes(StandardCharsets.UTF_8), PutMode.OVERWRITE);
        assertThatThrownBy(() -> coordinator.storage().readState(m, "agent"))
                .hasMessageContaining("does not match its metadata");
    }

    @Test
    void aClosedCoordinatorRefusesTriggersAndAbortsItsCheckpointInProgress() throws Exception {
        coordinator(3);
        agent.silent = true;
        CompletableFuture<SnapshotMetadata> f = coordinator.trigger();
        coordinator.close();
        coordinator.close();
        assertThatThrownBy(() -> get(f)).hasMessageContaining("coordinator was closed");
        assertThatThrownBy(() -> get(coordinator.trigger())).hasMessageContaining("closed");
    }

    @Test
    void aCoordinatorWithNoTasksCompletesEmptyCheckpoints() throws Exception {
        coordinator = CheckpointCoordinator.builder("app", store).build();
        SnapshotMetadata m = get(coordinator.trigger());
        assertThat(m.files()).isEmpty();
        assertThat(m.totalBytes()).isZero();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> CheckpointCoordinator.builder("app", store).retained(0))
                .hasMessageContaining("1 or more");
        assertThatThrownBy(() -> CheckpointCoordinator.builder("app", store).timeout(Duration.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> CheckpointCoordinator.builder("bad/app", store)).hasMessageContaining("app id");
    }
}
