package io.sabot.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sabot.api.agent.SourcePosition;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a snapshot's {@value SnapshotMetadata#METADATA_FILE}: the JSON form of {@link SnapshotMetadata},
 * shared by checkpoints and savepoints.
 *
 * <p>The document, pretty-printed UTF-8:
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "kind": "checkpoint",                  // or "savepoint"
 *   "id": "chk-7",
 *   "appId": "fraud-app",
 *   "createdAt": "2026-12-03T16:35:12.123Z",
 *   "description": "",
 *   "checkpointId": 7,
 *   "agentIds": ["detect", "alert-sink"],
 *   "files": [{"path": "detect.state", "size": 2048, "crc32c": "3f9a1c0b"}, ...],
 *   "sourcePositions": {"generator": {"offset": 1200, "attributes": {}}},
 *   "totalBytes": 2100                     // informational; recomputed from files when read
 * }
 * }</pre>
 * Unknown fields are ignored when reading, so a later minor addition does not break an older reader; a newer
 * {@code formatVersion} is refused with a message that says so.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class SnapshotMetadataJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Creates a codec. */
    public SnapshotMetadataJson() {
    }

    /**
     * Writes metadata as JSON.
     *
     * @param metadata the metadata
     * @return the document's UTF-8 bytes
     */
    public byte[] write(SnapshotMetadata metadata) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", metadata.formatVersion());
        root.put("kind", metadata.kind().name().toLowerCase(Locale.ROOT));
        root.put("id", metadata.id());
        root.put("appId", metadata.appId());
        root.put("createdAt", metadata.createdAt().toString());
        root.put("description", metadata.description());
        root.put("checkpointId", metadata.checkpointId());
        ArrayNode agents = root.putArray("agentIds");
        metadata.agentIds().forEach(agents::add);
        ArrayNode files = root.putArray("files");
        for (SnapshotFile f : metadata.files()) {
            ObjectNode file = files.addObject();
            file.put("path", f.path());
            file.put("size", f.size());
            file.put("crc32c", f.crc32c());
        }
        ObjectNode positions = root.putObject("sourcePositions");
        for (Map.Entry<String, SourcePosition> e : new TreeMap<>(metadata.sourcePositions()).entrySet()) {
            ObjectNode position = positions.putObject(e.getKey());
            position.put("offset", e.getValue().offset());
            ObjectNode attributes = position.putObject("attributes");
            new TreeMap<>(e.getValue().attributes()).forEach(attributes::put);
        }
        root.put("totalBytes", metadata.totalBytes());
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write snapshot metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Reads metadata from JSON.
     *
     * @param json the document's bytes
     * @return the metadata
     * @throws IllegalArgumentException if the document is not valid JSON or not valid metadata; the message says
     *                                  which field is wrong
     */
    public SnapshotMetadata read(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("snapshot metadata is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("snapshot metadata must be a JSON object");
        }
        int version = (int) number(root, "formatVersion");
        if (version > SnapshotMetadata.FORMAT_VERSION) {
            throw new IllegalArgumentException("snapshot metadata format version " + version + " is newer than this "
                    + "Sabot reads (" + SnapshotMetadata.FORMAT_VERSION + "); upgrade Sabot to read it");
        }
        SnapshotKind kind;
        String kindText = text(root, "kind");
        try {
            kind = SnapshotKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("snapshot metadata field 'kind' must be checkpoint or savepoint, got '"
                    + io.sabot.api.Ids.printable(kindText) + "'");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(root, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("snapshot metadata field 'createdAt' is not an ISO-8601 instant");
        }
        List<String> agentIds = new ArrayList<>();
        for (JsonNode a : array(root, "agentIds")) {
            if (!a.isTextual()) {
                throw new IllegalArgumentException("snapshot metadata field 'agentIds' must hold strings");
            }
            agentIds.add(a.asText());
        }
        List<SnapshotFile> files = new ArrayList<>();
        for (JsonNode f : array(root, "files")) {
            files.add(new SnapshotFile(text(f, "path"), number(f, "size"), text(f, "crc32c")));
        }
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        JsonNode positionsNode = root.get("sourcePositions");
        if (positionsNode != null && !positionsNode.isNull()) {
            if (!positionsNode.isObject()) {
                throw new IllegalArgumentException("snapshot metadata field 'sourcePositions' must be an object");
            }
            for (Map.Entry<String, JsonNode> e : positionsNode.properties()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                JsonNode attrs = e.getValue().get("attributes");
                if (attrs != null && attrs.isObject()) {
                    attrs.properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
                }
                positions.put(e.getKey(), new SourcePosition(number(e.getValue(), "offset"), attributes));
            }
        }
        return new SnapshotMetadata(version, kind, text(root, "id"), text(root, "appId"), createdAt,
                root.hasNonNull("description") ? text(root, "description") : "", number(root, "checkpointId"),
                agentIds, files, positions);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("snapshot metadata field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("snapshot metadata field '" + field + "' is missing or not an integer");
        }
        return value.asLong();
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("snapshot metadata field '" + field + "' is missing or not an array");
        }
        return value;
    }
}
