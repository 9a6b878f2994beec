package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.api.savepoint.StoredObject;
import io.sabot.savepoint.fs.FsSavepointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One savepoint's metadata is corrupted: the others stay usable, and the bad one is named and never restored. */
class CorruptSavepointMetadataTest {

    @TempDir
    Path dir;

    private FsSavepointStore checkpoints;
    private FsSavepointStore savepoints;
    private SavepointManager manager;
    private String first;
    private String bad;
    private String last;

    @BeforeEach
    void setUp() throws IOException {
        checkpoints = FsSavepointStore.builder(dir.resolve("chk")).createDirectory(true).fsync(false).build();
        savepoints = FsSavepointStore.builder(dir.resolve("sp")).createDirectory(true).fsync(false).build();
        SteppingClock clock = new SteppingClock(Instant.now());
        manager = SavepointManager.builder(savepoints).clock(clock).build();
        TestCheckpoints.write(checkpoints, 1, 1000);
        first = manager.createFromLatestCheckpoint(checkpoints, "").id();
        clock.advance(Duration.ofSeconds(1));
        bad = manager.createFromLatestCheckpoint(checkpoints, "").id();
        clock.advance(Duration.ofSeconds(1));
        last = manager.createFromLatestCheckpoint(checkpoints, "").id();
    }

    private void corrupt(String content) throws IOException {
        savepoints.put(bad + "/" + SnapshotMetadata.METADATA_FILE, content.getBytes(StandardCharsets.UTF_8),
                PutMode.OVERWRITE);
    }

    @Test
    void listShowsTheOthersAndAClearWarning() throws IOException {
        corrupt("{\"formatVersion\": 1, \"kind\": \"savepo");

        List<SavepointEntry> entries = manager.list();

        assertThat(entries).extracting(SavepointEntry::id).containsExactly(first, bad, last);
        assertThat(entries.get(0).isReadable()).isTrue();
        assertThat(entries.get(2).isReadable()).isTrue();
        assertThat(entries.get(1).metadata()).isEmpty();
        assertThat(entries.get(1).warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("savepoint " + bad + " has corrupt metadata (" + bad + "/_metadata.json in "
                        + savepoints.location() + "): snapshot metadata is not valid JSON")
                .doesNotContain("\n"));
    }

    @Test
    void verifyNamesTheBadOne() throws IOException {
        corrupt("{}");

        VerificationResult result = manager.verify(bad);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains("savepoint " + bad, "corrupt metadata",
                "'formatVersion'");
        assertThat(manager.verifyAll()).extracting(VerificationResult::id, VerificationResult::ok)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, true),
                        org.assertj.core.groups.Tuple.tuple(bad, false),
                        org.assertj.core.groups.Tuple.tuple(last, true));
    }

    @Test
    void restoringItIsRefusedAndChangesNothing() throws IOException {
        corrupt("not json at all");
        List<StoredObject> savepointsBefore = savepoints.list("");
        List<StoredObject> checkpointsBefore = checkpoints.list("");

        assertThatThrownBy(() -> manager.openForRestore(bad)).isInstanceOf(CorruptSavepointException.class)
                .hasMessageContaining("savepoint " + bad + " has corrupt metadata")
                .hasMessageEndingWith("; it cannot be restored");
        assertThatThrownBy(() -> manager.restoreAsCheckpoint(bad, checkpoints))
                .isInstanceOf(CorruptSavepointException.class);
        assertThatThrownBy(() -> manager.show(bad)).isInstanceOf(CorruptSavepointException.class);

        assertThat(savepoints.list("")).isEqualTo(savepointsBefore);
        assertThat(checkpoints.list("")).isEqualTo(checkpointsBefore);
        try (SavepointRestore good = manager.openForRestore(last)) {
            assertThat(good.agentState("detect")).isPresent();
        }
    }

    @Test
    void metadataOfAnotherSnapshotOrANewerFormatIsReportedToo() throws IOException {
        savepoints.put(bad + "/" + SnapshotMetadata.METADATA_FILE,
                checkpoints.read("chk-1/" + SnapshotMetadata.METADATA_FILE), PutMode.OVERWRITE);
        assertThat(manager.list().get(1).warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("has the metadata of checkpoint chk-1", "renamed or overwritten"));

        String newer = new String(savepoints.read(last + "/" + SnapshotMetadata.METADATA_FILE),
                StandardCharsets.UTF_8).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
        savepoints.put(last + "/" + SnapshotMetadata.METADATA_FILE, newer.getBytes(StandardCharsets.UTF_8),
                PutMode.OVERWRITE);
        assertThat(manager.list().get(2).warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("newer than this Sabot reads"));
        assertThat(manager.list().get(0).isReadable()).isTrue();
    }

    @Test
    void aCorruptSavepointCanStillBeDeletedButIsNeverPruned() throws IOException {
        corrupt("{");
        assertThat(manager.prune(RetentionPolicy.keepLast(0), false).deleted()).extracting(SnapshotMetadata::id)
                .containsExactly(first, last);
        assertThat(manager.list()).extracting(SavepointEntry::id).containsExactly(bad);

        manager.delete(bad);
        assertThat(manager.list()).isEmpty();
        assertThat(savepoints.list("")).isEmpty();
    }
}
