package io.sabot.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.agent.SourcePosition;
import io.sabot.api.savepoint.SavepointId;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotMetadataJsonTest {

    private final SnapshotMetadataJson json = new SnapshotMetadataJson();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsCheckpointAndSavepointMetadata() {
        SnapshotMetadata checkpoint = new SnapshotMetadata(1, SnapshotKind.CHECKPOINT, "chk-7", "fraud-app",
                Instant.parse("2026-12-03T16:35:12.123Z"), "", 7, List.of("detect", "sink"),
                List.of(new SnapshotFile("detect.state", 2048, "3f9a1c0b"), new SnapshotFile("sink.state", 5, "00000001")),
                Map.of("generator", new SourcePosition(1200, Map.of("file", "tx.csv"))));
        byte[] bytes = json.write(checkpoint);
        assertThat(json.read(bytes)).isEqualTo(checkpoint);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"kind\" : \"checkpoint\"", "\"totalBytes\" : 2053", "\"crc32c\" : \"3f9a1c0b\"");

        String id = SavepointId.generate(Instant.parse("2026-12-03T16:35:12.123Z")).value();
        SnapshotMetadata savepoint = new SnapshotMetadata(1, SnapshotKind.SAVEPOINT, id, "fraud-app",
                Instant.parse("2026-12-03T16:35:13Z"), "before upgrade", 7, List.of(), List.of(), Map.of());
        assertThat(json.read(json.write(savepoint))).isEqualTo(savepoint);
    }

    @Test
    void ignoresUnknownFieldsAndToleratesMissingOptionalOnes() {
        String doc = "{\"formatVersion\":1,\"kind\":\"checkpoint\",\"id\":\"chk-1\",\"appId\":\"a\","
                + "\"createdAt\":\"2026-12-03T00:00:00Z\",\"checkpointId\":1,\"agentIds\":[],\"files\":[],"
                + "\"future\":{\"x\":1}}";
        SnapshotMetadata m = json.read(utf8(doc));
        assertThat(m.description()).isEmpty();
        assertThat(m.sourcePositions()).isEmpty();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> json.read(utf8("{oops"))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> json.read(utf8("[1]"))).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> json.read(utf8("{\"formatVersion\":2}"))).hasMessageContaining("newer than");
        assertThatThrownBy(() -> json.read(utf8("{\"formatVersion\":\"1\"}")))
                .hasMessageContaining("'formatVersion' is missing or not an integer");
        String base = "{\"formatVersion\":1,\"id\":\"chk-1\",\"appId\":\"a\",\"checkpointId\":1,";
        assertThatThrownBy(() -> json.read(utf8(base + "\"kind\":\"other\"}"))).hasMessageContaining("'kind'");
        assertThatThrownBy(() -> json.read(utf8(base + "\"kind\":\"checkpoint\",\"createdAt\":\"yesterday\"}")))
                .hasMessageContaining("ISO-8601");
        String dated = base + "\"kind\":\"checkpoint\",\"createdAt\":\"2026-12-03T00:00:00Z\",";
        assertThatThrownBy(() -> json.read(utf8(dated + "\"agentIds\":{}}"))).hasMessageContaining("not an array");
        assertThatThrownBy(() -> json.read(utf8(dated + "\"agentIds\":[1]}"))).hasMessageContaining("hold strings");
        assertThatThrownBy(() -> json.read(utf8(dated + "\"agentIds\":[],\"files\":[],\"sourcePositions\":[]}")))
                .hasMessageContaining("'sourcePositions' must be an object");
        assertThatThrownBy(() -> json.read(utf8(dated + "\"agentIds\":[],\"files\":[{\"path\":\"../x\",\"size\":1,"
                + "\"crc32c\":\"00000000\"}]}"))).hasMessageContaining("invalid key");
    }
}
