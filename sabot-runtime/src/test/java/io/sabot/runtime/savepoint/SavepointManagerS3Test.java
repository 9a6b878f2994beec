package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.savepoint.fs.FsSavepointStore;
import io.sabot.savepoint.s3.S3SavepointStore;
import io.sabot.savepoint.s3.S3SavepointStoreProvider;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The savepoint manager end to end on the S3 store, against an embedded S3Proxy on 127.0.0.1. */
class SavepointManagerS3Test {

    private static final String BUCKET = "sabot-manager";
    private static final String ACCESS_KEY = "manager-test-access";
    private static final String SECRET_KEY = "manager-test-secret-never-printed";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private static S3Proxy proxy;
    private static URI endpoint;

    @TempDir
    Path dir;

    private String prefix;
    private S3SavepointStore checkpoints;
    private S3SavepointStore savepoints;
    private SteppingClock clock;
    private SavepointManager manager;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(credentials())
                .httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        proxy.stop();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    private static S3SavepointStore store(String location) throws IOException {
        return S3SavepointStore.builder(URI.create(location)).endpoint(endpoint).region("us-east-1")
                .credentials(credentials()).build();
    }

    @BeforeEach
    void setUp() throws IOException {
        prefix = "s3://" + BUCKET + "/app-" + PREFIXES.incrementAndGet();
        checkpoints = store(prefix + "/checkpoints");
        savepoints = store(prefix + "/savepoints");
        clock = new SteppingClock(Instant.now());
        manager = SavepointManager.builder(savepoints).clock(clock).build();
    }

    @AfterEach
    void closeStores() {
        checkpoints.close();
        savepoints.close();
    }

    @Test
    void createsServerSideAndRestoresExactlyTheSavedState() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 100);
        SnapshotMetadata chk = TestCheckpoints.write(checkpoints, 2, 300_000);

        CreatedSavepoint created = manager.createFromLatestCheckpoint(checkpoints, "s3");

        assertThat(created.copyMethod()).isEqualTo(CopyMethod.SERVER_SIDE);
        assertThat(created.metadata().files()).isEqualTo(chk.files());
        assertThat(manager.list()).extracting(SavepointEntry::id).containsExactly(created.id());
        assertThat(manager.verify(created.id()).ok()).isTrue();
        String json = new String(savepoints.read(created.id() + "/" + SnapshotMetadata.METADATA_FILE),
                StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(BUCKET, "127.0.0.1", "s3:", ACCESS_KEY, SECRET_KEY);
        try (SavepointRestore restore = manager.openForRestore(created.id())) {
            for (String agent : TestCheckpoints.AGENTS) {
                assertThat(restore.agentState(agent)).contains(TestCheckpoints.state(checkpoints, 2, agent));
            }
            assertThat(restore.sourcePosition("transactions")).contains(chk.sourcePositions().get("transactions"));
        }
    }

    @Test
    void streamsFromAFilesystemCheckpointAndRestoresAsAnS3Checkpoint() throws IOException {
        FsSavepointStore fsCheckpoints = FsSavepointStore.builder(dir).fsync(false).build();
        TestCheckpoints.write(fsCheckpoints, 7, 50_000);

        CreatedSavepoint created = manager.createFromLatestCheckpoint(fsCheckpoints, "");
        assertThat(created.copyMethod()).isEqualTo(CopyMethod.STREAM);

        SnapshotMetadata restored = manager.restoreAsCheckpoint(created.id(), checkpoints);
        assertThat(restored.id()).isEqualTo("chk-1");
        CheckpointStorage storage = new CheckpointStorage(checkpoints);
        assertThat(storage.latestCompleted()).contains(restored);
        assertThat(storage.readState(restored, "detect")).contains(TestCheckpoints.state(fsCheckpoints, 7, "detect"));
    }

    @Test
    void aSavepointCopiedToAnotherPrefixStillRestoresThroughTheProvider() throws IOException {
        TestCheckpoints.write(checkpoints, 3, 10_000);
        String id = manager.createFromLatestCheckpoint(checkpoints, "copied").id();
        try (SavepointStore archive = store(prefix + "/archive")) {
            for (var object : savepoints.list(id + "/")) {
                archive.copyFrom(savepoints, object.key(), object.key());
            }
        }
        Map<String, String> options = Map.of(S3SavepointStoreProvider.ENDPOINT, endpoint.toString(),
                S3SavepointStoreProvider.REGION, "us-east-1",
                S3SavepointStoreProvider.ACCESS_KEY_ID, ACCESS_KEY,
                S3SavepointStoreProvider.SECRET_ACCESS_KEY, SECRET_KEY);

        try (SavepointRestore restore = SavepointManager.openForRestore(URI.create(prefix + "/archive/" + id + "/"),
                new S3SavepointStoreProvider(Map.of()), options)) {
            assertThat(restore.metadata().description()).isEqualTo("copied");
            assertThat(restore.agentState("detect")).contains(TestCheckpoints.state(checkpoints, 3, "detect"));
        }
    }

    @Test
    void deletePruneCleanUpAndCorruptionWorkOnS3Too() throws IOException {
        TestCheckpoints.write(checkpoints, 1, 1000);
        String a = manager.createFromLatestCheckpoint(checkpoints, "").id();
        clock.advance(Duration.ofHours(1));
        String b = manager.createFromLatestCheckpoint(checkpoints, "").id();
        clock.advance(Duration.ofHours(1));
        String c = manager.createFromLatestCheckpoint(checkpoints, "").id();
        savepoints.delete(c + "/" + SnapshotMetadata.METADATA_FILE); // an interrupted delete
        savepoints.put(b + "/" + SnapshotMetadata.METADATA_FILE, "{]".getBytes(StandardCharsets.UTF_8),
                PutMode.OVERWRITE);

        assertThat(manager.list()).extracting(SavepointEntry::id).containsExactly(a, b);
        assertThat(manager.list().get(1).warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("savepoint " + b + " has corrupt metadata").doesNotContain(SECRET_KEY));
        assertThat(manager.verify(b).ok()).isFalse();
        assertThatThrownBy(() -> manager.openForRestore(b)).isInstanceOf(CorruptSavepointException.class);

        clock.advance(Duration.ofHours(2));
        assertThat(manager.cleanUp(Duration.ofHours(1)).incompleteRemoved()).containsExactly(c);
        assertThat(manager.prune(RetentionPolicy.keepLast(0), false).deleted()).extracting(SnapshotMetadata::id)
                .containsExactly(a);
        manager.delete(b);
        assertThat(savepoints.list("")).isEmpty();
        assertThatThrownBy(() -> manager.show(a)).isInstanceOf(SavepointNotFoundException.class)
                .hasMessageContaining("no savepoint " + a + " in " + prefix + "/savepoints");
    }
}
