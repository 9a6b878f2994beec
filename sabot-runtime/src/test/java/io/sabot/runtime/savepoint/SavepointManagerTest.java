package io.sabot.runtime.savepoint;

import io.sabot.api.agent.SourcePosition;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointId;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.savepoint.StoredObject;
import io.sabot.runtime.checkpoint.CheckpointCoordinator;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.savepoint.fs.FsSavepointStore;
import io.sabot.savepoint.fs.FsSavepointStoreProvider;
import io.sabot.tck.metrics.RecordingMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavepointManagerTest {

    @TempDir
    Path dir;

    private FsSavepointStore checkpoints;
    private FsSavepointStore savepoints;
    private SteppingClock clock;
    private RecordingMetrics metrics;
    private SavepointManager manager;

    @BeforeEach
    void setUp() throws IOException {
        checkpoints = FsSavepointStore.builder(dir.resolve("checkpoints")).createDirectory(true).fsync(false).build();
        savepoints = FsSavepointStore.builder(dir.resolve("savepoints")).createDirectory(true).fsync(false).build();
        clock = new SteppingClock(Instant.now());
        metrics = new RecordingMetrics();
        manager = SavepointManager.builder(savepoints).clock(clock).metrics(metrics)
                .tempFileCleaner(savepoints::deleteTempFiles).build();
    }

    private CreatedSavepoint createFromLatest(String description) throws IOException {
        CreatedSavepoint created = manager.createFromLatestCheckpoint(checkpoints, description);
        clock.advance(Duration.ofSeconds(1));
        return created;
    }

    @Test
    void createsASavepointFromTheLatestCheckpointByHardLinks() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 1000);
        SnapshotMetadata chk2 = TestCheckpoints.write(checkpoints, 2, 5000);
        Instant now = clock.instant();

        CreatedSavepoint created = createFromLatest("before upgrade");

        assertThat(created.copyMethod()).isEqualTo(CopyMethod.HARD_LINK);
        SnapshotMetadata m = created.metadata();
        assertThat(SavepointId.parse(m.id()).createdAt())
                .isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(m.kind()).isEqualTo(SnapshotKind.SAVEPOINT);
        assertThat(m.checkpointId()).isEqualTo(2);
        assertThat(m.description()).isEqualTo("before upgrade");
        assertThat(m.appId()).isEqualTo(TestCheckpoints.APP);
        assertThat(m.agentIds()).isEqualTo(TestCheckpoints.AGENTS);
        assertThat(m.files()).isEqualTo(chk2.files());
        assertThat(m.sourcePositions()).isEqualTo(chk2.sourcePositions());
        assertThat(manager.show(m.id())).isEqualTo(m);
        assertThat(savepoints.read(m.id() + "/detect.state"))
                .isEqualTo(TestCheckpoints.state(checkpoints, 2, "detect"));
        assertThat(Files.isSameFile(dir.resolve("savepoints").resolve(m.id()).resolve("detect.state"),
                dir.resolve("checkpoints/chk-2/detect.state"))).isTrue();

        String json = new String(savepoints.read(m.id() + "/" + SnapshotMetadata.METADATA_FILE),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"kind\" : \"savepoint\"", "\"description\" : \"before upgrade\"")
                .doesNotContain(dir.toString(), "file:");
        assertThat(metrics.count(StandardMetrics.SAVEPOINTS, "completed")).isEqualTo(1);
        assertThat(metrics.count(StandardMetrics.SAVEPOINT_DURATION)).isEqualTo(1);
        assertThat(manager.verify(m.id()).ok()).isTrue();
    }

    @Test
    void createsFromAChosenCheckpointAndKeepsItWhenTheCheckpointIsDeleted() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 1000);
        TestCheckpoints.write(checkpoints, 2, 1000);
        CreatedSavepoint created = manager.createFromCheckpoint(checkpoints, 1, "");

        new CheckpointStorage(checkpoints).delete(1);

        assertThat(created.metadata().checkpointId()).isEqualTo(1);
        assertThat(manager.verify(created.id()).ok()).isTrue();
    }

    @Test
    void streamsFromAStoreItCannotLinkAndChecksTheCopies() throws IOException {
        TestCheckpoints.write(checkpoints, 3, 70_000);
        CreatedSavepoint created = manager.createFromLatestCheckpoint(new StreamingStore(checkpoints), "");

        assertThat(created.copyMethod()).isEqualTo(CopyMethod.STREAM);
        VerificationResult result = manager.verify(created.id());
        assertThat(result.ok()).isTrue();
        assertThat(result.filesChecked()).isEqualTo(3);
        assertThat(result.bytesChecked()).isEqualTo(created.metadata().totalBytes());
    }

    @Test
    void refusesACheckpointWhoseFilesDoNotMatchItsMetadataAndCommitsNothing() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 1000);
        byte[] bad = TestCheckpoints.state(checkpoints, 1, "detect");
        bad[10] ^= 1;
        checkpoints.put("chk-1/detect.state", bad, PutMode.OVERWRITE);

        assertThatThrownBy(() -> manager.createFromLatestCheckpoint(new StreamingStore(checkpoints), ""))
                .isInstanceOf(SavepointException.class)
                .hasMessageContaining("detect.state").hasMessageContaining("crc32c");
        checkpoints.put("chk-1/enrich.state", new byte[1], PutMode.OVERWRITE);
        assertThatThrownBy(() -> manager.createFromLatestCheckpoint(checkpoints, ""))
                .isInstanceOf(SavepointException.class)
                .hasMessageContaining("enrich.state").hasMessageContaining("1 bytes");

        assertThat(manager.list()).isEmpty();
        assertThat(savepoints.list("")).isEmpty();
        assertThat(metrics.count(StandardMetrics.SAVEPOINTS, "failed")).isEqualTo(2);
    }

    @Test
    void readsAStreamedCopyBackWhenStoresOfOneKindCouldNotCopyNatively() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 3000);
        SavepointManager sameKind = SavepointManager.builder(new StreamingStore(savepoints)).metrics(metrics).build();
        CreatedSavepoint created = sameKind.createFromLatestCheckpoint(new StreamingStore(checkpoints), "");
        assertThat(created.copyMethod()).isEqualTo(CopyMethod.STREAM);
        assertThat(manager.verify(created.id()).ok()).isTrue();

        byte[] bad = TestCheckpoints.state(checkpoints, 1, "enrich");
        bad[0] ^= 1;
        checkpoints.put("chk-1/enrich.state", bad, PutMode.OVERWRITE);
        assertThatThrownBy(() -> sameKind.createFromLatestCheckpoint(new StreamingStore(checkpoints), ""))
                .isInstanceOf(SavepointException.class).hasMessageContaining("'enrich.state'")
                .hasMessageContaining("crc32c");
        SavepointManager unchecked = SavepointManager.builder(savepoints).checksumStreamCopies(false).build();
        String id = unchecked.createFromLatestCheckpoint(new StreamingStore(checkpoints), "").id();
        assertThat(manager.verify(id).problems()).singleElement().asString().contains("'enrich.state' has crc32c");
        assertThat(manager.list()).hasSize(2);
    }

    @Test
    void saysClearlyWhenThereIsNoCheckpoint() throws IOException {
        assertThatThrownBy(() -> manager.createFromLatestCheckpoint(checkpoints, ""))
                .isInstanceOf(SavepointException.class)
                .hasMessage("no completed checkpoint in " + checkpoints.location()
                        + " to make a savepoint from; wait for the worker's next checkpoint or trigger one");
        TestCheckpoints.write(checkpoints, 1, 10);
        checkpoints.put("chk-2/detect.state", new byte[3], PutMode.OVERWRITE);
        assertThatThrownBy(() -> manager.createFromCheckpoint(checkpoints, 2, ""))
                .isInstanceOf(SavepointException.class)
                .hasMessageContaining("no completed checkpoint chk-2 in " + checkpoints.location());
        assertThat(metrics.count(StandardMetrics.SAVEPOINTS, "failed")).isEqualTo(2);
    }

    @Test
    void listsEverySavepointSortedByIdAndLeavesOutIncompleteAndForeignDirectories() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 10);
        String a = createFromLatest("a").id();
        String b = createFromLatest("b").id();
        String c = createFromLatest("c").id();
        SavepointId incomplete = SavepointId.generate(clock.instant());
        savepoints.put(incomplete + "/detect.state", new byte[5], PutMode.OVERWRITE);
        savepoints.put("not-a-savepoint/file", new byte[5], PutMode.OVERWRITE);

        List<SavepointEntry> entries = manager.list();

        assertThat(entries).extracting(SavepointEntry::id).containsExactly(a, b, c);
        assertThat(entries).allMatch(SavepointEntry::isReadable);
        assertThat(entries.get(1).metadata().orElseThrow().description()).isEqualTo("b");
        assertThatThrownBy(() -> manager.show(incomplete.value())).isInstanceOf(SavepointNotFoundException.class);
        assertThat(manager.verify(incomplete.value()).problems()).singleElement().asString()
                .contains("incomplete");
    }

    @Test
    void verifyNamesMissingExtraAndMismatchedFiles() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 4096);
        String id = manager.createFromLatestCheckpoint(new StreamingStore(checkpoints), "").id();
        byte[] detect = savepoints.read(id + "/detect.state");
        detect[0] ^= 0x40;
        savepoints.put(id + "/detect.state", detect, PutMode.OVERWRITE);
        savepoints.put(id + "/alert-sink.state", new byte[2], PutMode.OVERWRITE);
        savepoints.delete(id + "/enrich.state");
        savepoints.put(id + "/stray.bin", new byte[2], PutMode.OVERWRITE);

        VerificationResult result = manager.verify(id);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).containsExactlyInAnyOrder(
                "savepoint " + id + ": file 'detect.state' has crc32c "
                        + CheckpointStorage.crc32c(detect) + ", the metadata says "
                        + manager.show(id).files().get(0).crc32c(),
                "savepoint " + id + ": file 'alert-sink.state' has 2 bytes, the metadata says 101",
                "savepoint " + id + ": file 'enrich.state' is missing",
                "savepoint " + id + ": extra file 'stray.bin' is not in the metadata");
        assertThatThrownBy(() -> manager.openForRestore(id)).isInstanceOf(CorruptSavepointException.class)
                .hasMessageContaining("(and 2 more problems)").hasMessageContaining("cannot be restored");
        assertThat(manager.verifyAll()).singleElement().extracting(VerificationResult::ok).isEqualTo(false);
    }

    @Test
    void deletesMetadataFirstThenTheFiles() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 10);
        StreamingStore recording = new StreamingStore(savepoints);
        SavepointManager viaRecording = SavepointManager.builder(recording).clock(clock).build();
        String keep = viaRecording.createFromLatestCheckpoint(checkpoints, "").id();
        clock.advance(Duration.ofSeconds(1));
        String id = viaRecording.createFromLatestCheckpoint(checkpoints, "").id();

        viaRecording.delete(id);

        assertThat(recording.deletes).hasSize(4);
        assertThat(recording.deletes.get(0)).isEqualTo(id + "/" + SnapshotMetadata.METADATA_FILE);
        assertThat(savepoints.list(id + "/")).isEmpty();
        assertThat(manager.list()).extracting(SavepointEntry::id).containsExactly(keep);
        assertThatThrownBy(() -> manager.delete(id)).isInstanceOf(SavepointNotFoundException.class)
                .hasMessage("no savepoint " + id + " in " + savepoints.location()
                        + "; run 'sabot savepoint list' to see the savepoints there");
    }

    @Test
    void prunesByCountAndAgeWithADryRun() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 10);
        String[] ids = new String[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = manager.createFromLatestCheckpoint(checkpoints, "").id();
            clock.advance(Duration.ofDays(1));
        }
        // ages now: 5, 4, 3, 2, 1 days

        PruneResult dry = manager.prune(RetentionPolicy.keepLast(2), true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.deleted()).extracting(SnapshotMetadata::id).containsExactly(ids[0], ids[1], ids[2]);
        assertThat(dry.kept()).extracting(SnapshotMetadata::id).containsExactly(ids[3], ids[4]);
        assertThat(manager.list()).hasSize(5);

        PruneResult byAge = manager.prune(RetentionPolicy.olderThan(Duration.ofHours(108)), false);
        assertThat(byAge.deleted()).extracting(SnapshotMetadata::id).containsExactly(ids[0]);

        PruneResult both = manager.prune(RetentionPolicy.keepLastAndOlderThan(3, Duration.ofHours(36)), false);
        assertThat(both.deleted()).extracting(SnapshotMetadata::id).containsExactly(ids[1]);
        assertThat(manager.list()).extracting(SavepointEntry::id).containsExactly(ids[2], ids[3], ids[4]);

        assertThat(manager.prune(RetentionPolicy.keepLast(10), false).deleted()).isEmpty();
        assertThat(manager.prune(RetentionPolicy.keepLast(0), false).deleted()).hasSize(3);
        assertThat(manager.list()).isEmpty();
    }

    @Test
    void retentionPolicyRejectsNonsense() {
        assertThatThrownBy(() -> new RetentionPolicy(java.util.OptionalInt.empty(), Optional.empty()))
                .hasMessageContaining("needs a number of savepoints to keep, a maximum age, or both");
        assertThatThrownBy(() -> RetentionPolicy.keepLast(-1)).hasMessageContaining("zero or more");
        assertThatThrownBy(() -> RetentionPolicy.olderThan(Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void cleanUpRemovesIncompleteLeftoversOlderThanTheGracePeriodAndTempFiles() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 10);
        String complete = createFromLatest("").id();
        String interrupted = createFromLatest("").id();
        savepoints.delete(interrupted + "/" + SnapshotMetadata.METADATA_FILE); // a delete cut short
        Path temp = dir.resolve("savepoints").resolve(complete).resolve(FsSavepointStore.TEMP_PREFIX + "1");
        Files.write(temp, new byte[3]);
        Files.setLastModifiedTime(temp, java.nio.file.attribute.FileTime.from(clock.instant().minusSeconds(7200)));

        CleanupResult early = manager.cleanUp(Duration.ofHours(1));
        assertThat(early.incompleteRemoved()).isEmpty();
        assertThat(early.tempFilesRemoved()).isEqualTo(1);
        assertThat(savepoints.list(interrupted + "/")).hasSize(3);

        clock.advance(Duration.ofHours(2));
        CleanupResult later = manager.cleanUp(Duration.ofHours(1));

        assertThat(later.incompleteRemoved()).containsExactly(interrupted);
        assertThat(savepoints.list(interrupted + "/")).isEmpty();
        assertThat(manager.list()).extracting(SavepointEntry::id).containsExactly(complete);
        assertThat(manager.verify(complete).ok()).isTrue();
        assertThatThrownBy(() -> manager.cleanUp(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opensAVerifiedSavepointForRestoreWithoutChangingIt() throws IOException {
        SnapshotMetadata chk = TestCheckpoints.write(checkpoints, 4, 2048);
        String id = createFromLatest("").id();
        List<StoredObject> before = savepoints.list("");

        try (SavepointRestore restore = manager.openForRestore(id)) {
            assertThat(restore.id()).isEqualTo(id);
            assertThat(restore.metadata().checkpointId()).isEqualTo(4);
            assertThat(restore.agentState("detect")).contains(TestCheckpoints.state(checkpoints, 4, "detect"));
            assertThat(restore.agentState("no-such-agent")).isEmpty();
            assertThat(restore.sourcePosition("transactions"))
                    .contains(new SourcePosition(400, Map.of("file", "tx.csv")));
            assertThat(restore.sourcePosition("other")).isEmpty();
            try (InputStream in = restore.openFile("enrich.state")) {
                assertThat(in.readAllBytes()).hasSize((int) chk.files().get(2).size());
            }
            assertThatThrownBy(() -> restore.openFile("../x")).isInstanceOf(IllegalArgumentException.class);
            assertThat(savepoints.list("")).isEqualTo(before);

            savepoints.put(id + "/alert-sink.state", new byte[4], PutMode.OVERWRITE);
            assertThatThrownBy(() -> restore.agentState("alert-sink")).isInstanceOf(CorruptSavepointException.class)
                    .hasMessageContaining("changed after it was verified");
            savepoints.delete(id + "/alert-sink.state");
            assertThatThrownBy(() -> restore.agentState("alert-sink")).isInstanceOf(CorruptSavepointException.class)
                    .hasMessageContaining("lost its file 'alert-sink.state'");
        }
    }

    @Test
    void aSavepointMovedToAnotherDirectoryStillOpensAndVerifies() throws IOException {
        TestCheckpoints.write(checkpoints, 2, 3000);
        String id = createFromLatest("moved").id();
        Path elsewhere = Files.createDirectories(dir.resolve("backup/old-savepoints"));
        Files.move(dir.resolve("savepoints").resolve(id), elsewhere.resolve(id));

        try (SavepointRestore restore = SavepointManager.openForRestore(elsewhere.resolve(id).toUri(),
                new FsSavepointStoreProvider(), Map.of())) {
            assertThat(restore.metadata().description()).isEqualTo("moved");
            assertThat(restore.agentState("detect")).contains(TestCheckpoints.state(checkpoints, 2, "detect"));
        }
        FsSavepointStore moved = FsSavepointStore.open(elsewhere);
        assertThat(SavepointManager.of(moved).verify(id).ok()).isTrue();
        assertThat(manager.list()).isEmpty();
        assertThatThrownBy(() -> SavepointManager.openForRestore(elsewhere.toUri(), new FsSavepointStoreProvider(),
                Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not end in a savepoint id");
        assertThatThrownBy(() -> SavepointManager.openForRestore(
                java.net.URI.create(elsewhere.resolve("sp-20261203-101010-000-00000000").toString()),
                new FsSavepointStoreProvider(), Map.of())).isInstanceOf(SavepointNotFoundException.class);
    }

    @Test
    void restoresASavepointAsTheNextCheckpointThatRecoveryPicksUp() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 500);
        String id = createFromLatest("").id();
        TestCheckpoints.write(checkpoints, 2, 700);
        TestCheckpoints.write(checkpoints, 3, 900);
        checkpoints.put("chk-4/detect.state", new byte[1], PutMode.OVERWRITE); // an incomplete checkpoint

        SnapshotMetadata restored = manager.restoreAsCheckpoint(id, checkpoints);

        assertThat(restored.id()).isEqualTo("chk-5");
        assertThat(restored.kind()).isEqualTo(SnapshotKind.CHECKPOINT);
        assertThat(restored.description()).isEqualTo("restored from savepoint " + id);
        CheckpointStorage storage = new CheckpointStorage(checkpoints);
        assertThat(storage.latestCompleted()).contains(restored);
        assertThat(storage.readState(restored, "detect")).contains(TestCheckpoints.state(checkpoints, 1, "detect"));
        CheckpointCoordinator coordinator = CheckpointCoordinator.builder(TestCheckpoints.APP, checkpoints).build();
        assertThat(coordinator.initialize()).contains(restored);
        assertThat(coordinator.recoveryState().sourcePosition("transactions")).contains(
                new SourcePosition(100, Map.of("file", "tx.csv")));
        assertThat(manager.verify(id).ok()).isTrue();
    }

    @Test
    void openForRestoreRejectsBadIds() {
        assertThatThrownBy(() -> manager.openForRestore("../etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid savepoint id");
        assertThatThrownBy(() -> manager.openForRestore("sp-20261203-101010-000-00000000"))
                .isInstanceOf(SavepointNotFoundException.class);
    }

    @Test
    void entriesHoldEitherMetadataOrAWarning() {
        assertThatThrownBy(() -> new SavepointEntry("x", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
