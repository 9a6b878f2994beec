package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.cli.SabotProcesses.Finished;
import io.sabot.examples.fraud.FraudDetector;
import io.sabot.runtime.state.StateBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Savepoints end to end, as a user runs them: real {@code sabot} worker and CLI processes, savepoints in S3 (an
 * embedded S3Proxy on 127.0.0.1 that the processes reach through {@code SABOT_S3_ENDPOINT} with credentials from
 * the AWS environment variables) and on disk, moved elsewhere and restored from there.
 *
 * <p>How the tests know the saved state exactly: they read the detector's state file ({@code detector.state}) of
 * the savepoint straight from the bucket with the AWS SDK, or from the directory, and decode it with the runtime's
 * {@link StateBackend}, independently of the worker that restores it. That count must equal the number the restored
 * detector logs at start, and - since a savepoint is a consistent snapshot and the demo injects no faults - the
 * source position the savepoint's metadata records (the source's position is the number of transactions emitted).
 */
class SavepointEndToEndTest {

    private static final String APP = "io.sabot.examples.fraud.FraudApp";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BUCKET = S3ProxyFixture.BUCKET;
    private static final String ACCESS_KEY = S3ProxyFixture.ACCESS_KEY;
    private static final String SECRET_KEY = S3ProxyFixture.SECRET_KEY;
    private static final Pattern RESUMED = Pattern.compile("detector starts with (\\d+) transactions processed");

    private static S3ProxyFixture s3Proxy;

    @TempDir
    Path home;

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startS3Proxy() throws Exception {
        s3Proxy = S3ProxyFixture.start();
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        s3Proxy.close();
    }

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A plain SDK client of the test's own, to look at what the processes left in the bucket. */
    private static S3Client s3() {
        return s3Proxy.client();
    }

    /** What a user of an S3-compatible server sets, per docs/savepoints.md; nothing else of AWS leaks in. */
    private void useS3Environment() {
        environment.put("SABOT_S3_ENDPOINT", s3Proxy.endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        environment.put("AWS_REGION", "us-east-1");
    }

    private ProcessBuilder builder(String... args) {
        return SabotProcesses.isolated(home, environment, args);
    }

    private Process start(Path log, String... args) throws IOException {
        Process p = builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    private Finished ok(String... args) throws Exception {
        Finished done = SabotProcesses.finish(builder(args), home);
        assertThat(done.exit()).as("sabot %s: %s", String.join(" ", args), done.err()).isZero();
        return done;
    }

    private String workerAddress() throws IOException {
        return Files.readString(home.resolve("apps/fraud-app/worker.address")).trim();
    }

    private void awaitReady() {
        await().atMost(WAIT).ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(
                URI.create(workerAddress() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() == 200);
    }

    /** {@return how many transactions the running detector has processed, from the worker's /agents} */
    private long detectorProcessed() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(workerAddress() + "/agents")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode agent : Json.MAPPER.readTree(body).path("agents")) {
            if (agent.path("id").asText().equals("detector")) {
                return agent.path("eventsProcessed").asLong();
            }
        }
        throw new AssertionError("no detector in " + body);
    }

    private void awaitDetectorPast(long processed) {
        await().atMost(WAIT).ignoreExceptions().until(() -> detectorProcessed() >= processed);
    }

    /** {@return the count a restored worker's detector logged at start} */
    private static long resumedCount(Path log) throws IOException {
        await().atMost(WAIT).until(() -> RESUMED.matcher(Files.readString(log)).find());
        Matcher m = RESUMED.matcher(Files.readString(log));
        assertThat(m.find()).isTrue();
        long count = Long.parseLong(m.group(1));
        assertThat(m.find()).as("the detector started once").isFalse();
        return count;
    }

    /** {@return the transactions counted in a detector state file, decoded as the runtime decodes it} */
    private static long processedIn(byte[] detectorState) {
        StateBackend backend = new StateBackend("detector", new ObjectMapper());
        backend.restore(detectorState);
        Long processed = backend.valueState(FraudDetector.PROCESSED_STATE, Long.class).value();
        assertThat(processed).as("the detector's processed count in its state file").isNotNull();
        return processed;
    }

    private static long sourceOffset(JsonNode metadata) {
        JsonNode offset = metadata.path("sourcePositions").path("transactions-source").path("offset");
        assertThat(offset.isNumber()).as("source position in %s", metadata).isTrue();
        return offset.asLong();
    }

    private void stopWorker(Process worker) throws Exception {
        ok("stop", "-A", APP);
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();
    }

    @Test
    void workersResumeFromSavepointsInS3WithExactlyTheSavedStateAndTheSecretKeyIsNeverShown() throws Exception {
        useS3Environment();
        String savepoints = "s3://" + BUCKET + "/fraud/savepoints";
        String checkpoints = "s3://" + BUCKET + "/fraud/checkpoints";
        Path log1 = home.resolve("worker1.log");
        Process worker = start(log1, "worker", "-A", APP, "--metrics-port", "0", "--checkpoint-interval", "1s",
                "--checkpoint-dir", checkpoints, "--savepoint-dir", savepoints, "--set", "fraud.rate=2000");
        awaitReady();
        awaitDetectorPast(500);

        // a fresh savepoint from the running worker, then more work, then stop with a second savepoint
        JsonNode first = Json.MAPPER.readTree(ok("savepoint", "create", "-A", APP, "--savepoint-dir", savepoints,
                "-d", "first", "--json").out());
        String firstId = first.path("savepoint").asText();
        assertThat(first.path("copy").asText()).as("checkpoints and savepoints share the S3 endpoint")
                .isEqualTo("SERVER_SIDE");
        long firstCount;
        try (S3Client s3 = s3()) {
            firstCount = processedIn(s3.getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("fraud/savepoints/" + firstId + "/detector.state")).asByteArray());
        }
        assertThat(firstCount).isGreaterThanOrEqualTo(500);
        awaitDetectorPast(firstCount + 500);
        JsonNode stopped = Json.MAPPER.readTree(ok("stop", "-A", APP, "--savepoint", "-d", "second", "--json")
                .out());
        String secondId = stopped.path("savepoint").asText();
        assertThat(stopped.path("stopping").asBoolean()).isTrue();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();

        // both are in the bucket, listed, whole; read the saved counts straight from S3
        JsonNode listed = Json.MAPPER.readTree(ok("savepoint", "list", "--savepoint-dir", savepoints, "--json",
                "-l", "debug").out());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(firstId);
        assertThat(listed.get(0).path("description").asText()).isEqualTo("first");
        assertThat(listed.get(1).path("id").asText()).isEqualTo(secondId);
        assertThat(listed.get(1).path("description").asText()).isEqualTo("second");
        long secondCount;
        String metadataJson;
        try (S3Client s3 = s3()) {
            List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("fraud/savepoints/" + secondId
                    + "/")).contents().stream().map(S3Object::key).toList();
            assertThat(keys).contains("fraud/savepoints/" + secondId + "/_metadata.json",
                    "fraud/savepoints/" + secondId + "/detector.state");
            secondCount = processedIn(s3.getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("fraud/savepoints/" + secondId + "/detector.state")).asByteArray());
            metadataJson = s3.getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("fraud/savepoints/" + secondId + "/_metadata.json")).asUtf8String();
        }
        assertThat(secondCount).isGreaterThanOrEqualTo(firstCount + 500);
        assertThat(metadataJson).doesNotContain(SECRET_KEY, ACCESS_KEY, BUCKET, "127.0.0.1");
        JsonNode shownFirst = Json.MAPPER.readTree(ok("savepoint", "show", "--savepoint-dir", savepoints, firstId,
                "--json").out());
        assertThat(sourceOffset(shownFirst)).as("a consistent snapshot: every emitted transaction was counted")
                .isEqualTo(firstCount);
        Finished verified = ok("savepoint", "verify", "--savepoint-dir", savepoints, "-l", "debug");
        assertThat(verified.out()).contains(firstId, secondId).doesNotContain("DAMAGED");

        // the upgrade flow: start from the older savepoint by id; its state, not the newer one's, comes back
        Path log2 = home.resolve("worker2.log");
        Process resumed = start(log2, "worker", "-A", APP, "--metrics-port", "0", "--checkpoint-dir", checkpoints,
                "--savepoint-dir", savepoints, "--from-savepoint", firstId, "--set", "fraud.rate=2000");
        assertThat(resumedCount(log2)).isEqualTo(firstCount);
        assertThat(Files.readString(log2)).contains("starting from savepoint " + firstId);
        awaitReady();
        awaitDetectorPast(100);
        stopWorker(resumed);

        // a savepoint moved to another prefix restores from its new location
        try (S3Client s3 = s3()) {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("fraud/savepoints/" + secondId
                    + "/")).contents()) {
                String target = "archive/" + o.key().substring("fraud/savepoints/".length());
                s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(o.key()).destinationBucket(BUCKET)
                        .destinationKey(target));
                s3.deleteObject(b -> b.bucket(BUCKET).key(o.key()));
            }
        }
        JsonNode remaining = Json.MAPPER.readTree(ok("savepoint", "list", "--savepoint-dir", savepoints, "--json")
                .out());
        assertThat(remaining).extracting(n -> n.path("id").asText()).containsExactly(firstId);
        ok("savepoint", "verify", "--savepoint-dir", "s3://" + BUCKET + "/archive", secondId);
        Path log3 = home.resolve("worker3.log");
        Process moved = start(log3, "worker", "-A", APP, "--metrics-port", "0",
                "--from-savepoint", "s3://" + BUCKET + "/archive/" + secondId, "--set", "fraud.rate=2000");
        assertThat(resumedCount(log3)).isEqualTo(secondCount);
        awaitReady();
        stopWorker(moved);

        assertSecretKeyNowhere();
    }

    /** Every process's output and log, and every object in the bucket, is free of the secret key. */
    private void assertSecretKeyNowhere() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the workers' logs and the commands' outputs").hasSizeGreaterThan(10);
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("%s", f)
                    .doesNotContain(SECRET_KEY);
        }
        assertThat(Files.readString(home.resolve("worker1.log"))).contains("savepoints in " + "s3://" + BUCKET);
        try (S3Client s3 = s3()) {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
                assertThat(new String(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asByteArray(),
                        StandardCharsets.ISO_8859_1)).as(o.key()).doesNotContain(SECRET_KEY);
            }
        }
    }

    @Test
    void aSavepointDirectoryMovedElsewhereStillRestoresAWorkerWithExactlyItsState() throws Exception {
        Path log1 = home.resolve("worker1.log");
        Process worker = start(log1, "worker", "-A", APP, "--metrics-port", "0", "--set", "fraud.rate=2000");
        awaitReady();
        awaitDetectorPast(500);
        String id = Json.MAPPER.readTree(ok("stop", "-A", APP, "--savepoint", "-d", "to move", "--json").out())
                .path("savepoint").asText();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();

        Path original = home.resolve("apps/fraud-app/savepoints").resolve(id);
        Path backup = Files.createDirectories(home.resolve("backup/old-savepoints"));
        Files.move(original, backup.resolve(id));
        assertThat(original).doesNotExist();
        long saved = processedIn(Files.readAllBytes(backup.resolve(id).resolve("detector.state")));
        assertThat(saved).isGreaterThanOrEqualTo(500);

        assertThat(Json.MAPPER.readTree(ok("savepoint", "list", "-A", APP, "--json").out())).isEmpty();
        JsonNode listed = Json.MAPPER.readTree(ok("savepoint", "list", "--savepoint-dir", backup.toString(),
                "--json").out());
        assertThat(listed).extracting(n -> n.path("id").asText()).containsExactly(id);
        JsonNode shown = Json.MAPPER.readTree(ok("savepoint", "show", "--savepoint-dir", backup.toString(), id,
                "--json").out());
        assertThat(sourceOffset(shown)).isEqualTo(saved);
        assertThat(ok("savepoint", "verify", "--savepoint-dir", backup.toString(), id).out()).contains(id, "ok");

        // given by its new location, as docs/savepoints.md says
        Path log2 = home.resolve("worker2.log");
        Process resumed = start(log2, "worker", "-A", APP, "--metrics-port", "0",
                "--from-savepoint", backup.resolve(id).toString(), "--set", "fraud.rate=2000");
        assertThat(resumedCount(log2)).isEqualTo(saved);
        awaitReady();
        stopWorker(resumed);

        // or by its id in the directory it was moved to
        Path log3 = home.resolve("worker3.log");
        Process again = start(log3, "worker", "-A", APP, "--metrics-port", "0",
                "--savepoint-dir", backup.toString(), "--from-savepoint", id, "--set", "fraud.rate=2000");
        assertThat(resumedCount(log3)).isEqualTo(saved);
        awaitReady();
        stopWorker(again);
        assertThat(ok("savepoint", "verify", "--savepoint-dir", backup.toString(), id).out())
                .as("restoring never changes the savepoint").contains("ok");
    }
}
