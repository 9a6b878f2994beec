package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.agent.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotMetadataTest {

    private static final Instant AT = Instant.parse("2026-12-03T16:35:12.123Z");
    private static final String SAVEPOINT_ID = "sp-20261203-163512-123-3f9a1c0b";
    private static final SnapshotFile DETECT = new SnapshotFile("agents/detect.bin", 100, "00000001");
    private static final SnapshotFile ENRICH = new SnapshotFile("agents/enrich.bin", 250, "00000002");

    private static SnapshotMetadata savepoint(int version, String id, List<SnapshotFile> files) {
        return new SnapshotMetadata(version, SnapshotKind.SAVEPOINT, id, "fraud-app", AT, "before upgrade", 7,
                List.of("detect", "enrich"), files, Map.of("transactions", SourcePosition.of(42)));
    }

    @Test
    void aSavepointMetadataHoldsEverythingNeededToRestore() {
        SnapshotMetadata m = savepoint(1, SAVEPOINT_ID, List.of(DETECT, ENRICH));

        assertThat(m.formatVersion()).isEqualTo(SnapshotMetadata.FORMAT_VERSION);
        assertThat(m.kind()).isEqualTo(SnapshotKind.SAVEPOINT);
        assertThat(m.id()).isEqualTo(SAVEPOINT_ID);
        assertThat(m.appId()).isEqualTo("fraud-app");
        assertThat(m.createdAt()).isEqualTo(AT);
        assertThat(m.description()).isEqualTo("before upgrade");
        assertThat(m.checkpointId()).isEqualTo(7);
        assertThat(m.agentIds()).containsExactly("detect", "enrich");
        assertThat(m.files()).containsExactly(DETECT, ENRICH);
        assertThat(m.sourcePositions()).containsEntry("transactions", SourcePosition.of(42));
    }

    @Test
    void theMetadataFileIsNamedUnderscoreMetadataJson() {
        assertThat(SnapshotMetadata.METADATA_FILE).isEqualTo("_metadata.json");
    }

    @Test
    void totalBytesIsTheSumOfTheFileSizes() {
        assertThat(savepoint(1, SAVEPOINT_ID, List.of(DETECT, ENRICH)).totalBytes()).isEqualTo(350);
        assertThat(savepoint(1, SAVEPOINT_ID, List.of()).totalBytes()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 2, 99})
    void formatVersionsThisSabotCannotReadAreRejected(int version) {
        assertThatIllegalArgumentException().isThrownBy(() -> savepoint(version, SAVEPOINT_ID, List.of()))
                .withMessage("unsupported snapshot format version " + version + "; this Sabot reads versions 1 to 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chk-12", "../x", "sp-..", "sp-20261303-163512-123-3f9a1c0b"})
    void aSavepointIdMustBeAValidSavepointId(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> savepoint(1, id, List.of()))
                .withMessageStartingWith("invalid savepoint id");
    }

    @Test
    void aCheckpointIdIsAnyValidIdentifier() {
        SnapshotMetadata m = new SnapshotMetadata(1, SnapshotKind.CHECKPOINT, "chk-12", "fraud-app", AT, "", 12,
                List.of(), List.of(), Map.of());

        assertThat(m.kind()).isEqualTo(SnapshotKind.CHECKPOINT);
        assertThat(m.id()).isEqualTo("chk-12");
    }

    @Test
    void aCheckpointIdThatCouldEscapeADirectoryIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.CHECKPOINT, "..",
                        "fraud-app", AT, "", 0, List.of(), List.of(), Map.of()))
                .withMessageStartingWith("invalid checkpoint id");
    }

    @Test
    void theSameFileListedTwiceIsRejected() {
        SnapshotFile again = new SnapshotFile(DETECT.path(), 5, "0000000f");

        assertThatIllegalArgumentException().isThrownBy(() -> savepoint(1, SAVEPOINT_ID, List.of(DETECT, again)))
                .withMessage("snapshot " + SAVEPOINT_ID + " lists file 'agents/detect.bin' twice");
    }

    @Test
    void listingTheMetadataFileItselfIsRejected() {
        SnapshotFile self = new SnapshotFile(SnapshotMetadata.METADATA_FILE, 10, "00000000");

        assertThatIllegalArgumentException().isThrownBy(() -> savepoint(1, SAVEPOINT_ID, List.of(self)))
                .withMessage("snapshot " + SAVEPOINT_ID + " must not list its own metadata file");
    }

    @Test
    void invalidAppAgentAndSourceIdsAreRejectedByKind() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT,
                        SAVEPOINT_ID, "../app", AT, "", 0, List.of(), List.of(), Map.of()))
                .withMessageStartingWith("invalid app id");
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT,
                        SAVEPOINT_ID, "app", AT, "", 0, List.of("bad agent"), List.of(), Map.of()))
                .withMessageStartingWith("invalid agent id");
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT,
                        SAVEPOINT_ID, "app", AT, "", 0, List.of(), List.of(),
                        Map.of("a/b", SourcePosition.START)))
                .withMessageStartingWith("invalid source name");
    }

    @Test
    void aNegativeCheckpointIdIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT,
                        SAVEPOINT_ID, "app", AT, "", -1, List.of(), List.of(), Map.of()))
                .withMessage("checkpoint id must be zero or more, got -1");
    }

    @Test
    void requiredFieldsMustNotBeNull() {
        assertThatNullPointerException().isThrownBy(() -> new SnapshotMetadata(1, null, SAVEPOINT_ID, "app", AT, "",
                0, List.of(), List.of(), Map.of()));
        assertThatNullPointerException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT, null,
                "app", AT, "", 0, List.of(), List.of(), Map.of()));
        assertThatNullPointerException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT,
                SAVEPOINT_ID, null, AT, "", 0, List.of(), List.of(), Map.of()));
        assertThatNullPointerException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT,
                SAVEPOINT_ID, "app", null, "", 0, List.of(), List.of(), Map.of()));
        assertThatNullPointerException().isThrownBy(() -> new SnapshotMetadata(1, SnapshotKind.SAVEPOINT,
                SAVEPOINT_ID, "app", AT, null, 0, List.of(), List.of(), Map.of()));
    }

    @Test
    void listsAndMapsAreCopiedAndUnmodifiable() {
        List<String> agents = new ArrayList<>(List.of("detect"));
        List<SnapshotFile> files = new ArrayList<>(List.of(DETECT));
        Map<String, SourcePosition> positions = new HashMap<>(Map.of("src", SourcePosition.of(1)));
        SnapshotMetadata m = new SnapshotMetadata(1, SnapshotKind.SAVEPOINT, SAVEPOINT_ID, "app", AT, "", 0,
                agents, files, positions);

        agents.add("late");
        files.add(ENRICH);
        positions.put("late", SourcePosition.START);

        assertThat(m.agentIds()).containsExactly("detect");
        assertThat(m.files()).containsExactly(DETECT);
        assertThat(m.sourcePositions()).containsOnlyKeys("src");
        assertThatThrownBy(() -> m.files().add(ENRICH)).isInstanceOf(UnsupportedOperationException.class);
    }
}
