package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.cli.SabotProcesses.Finished;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Store options reach the S3 store of real {@code sabot} processes without any S3 environment variable: a worker
 * told the endpoint by {@code --store-option}, and savepoint commands told the endpoint, region and static keys by
 * {@code $SABOT_HOME/sabot.properties}; a flag beats the file; a mistyped key is a usage error; a secret given as a
 * flag is warned about and never printed.
 */
class StoreOptionsEndToEndTest {

    private static final String APP = "io.sabot.examples.fraud.FraudApp";
    private static final String SAVEPOINTS = "s3://" + S3ProxyFixture.BUCKET + "/options/savepoints";

    private static S3ProxyFixture s3Proxy;

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private Process worker;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        s3Proxy = S3ProxyFixture.start();
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        s3Proxy.close();
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        SabotProcesses.stop(worker);
    }

    private Finished run(String... args) throws Exception {
        return SabotProcesses.finish(SabotProcesses.isolated(home, environment, args), home);
    }

    private Finished ok(String... args) throws Exception {
        Finished done = run(args);
        assertThat(done.exit()).as("sabot %s: %s", String.join(" ", args), done.err()).isZero();
        return done;
    }

    @Test
    void aWorkerAndTheSavepointCommandsReachS3ThroughStoreOptionsFromFlagsAndTheConfigFile() throws Exception {
        // the worker: the endpoint only as a flag, the credentials from the AWS SDK's usual variables
        environment.putAll(Map.of("AWS_ACCESS_KEY_ID", S3ProxyFixture.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3ProxyFixture.SECRET_KEY, "AWS_REGION", "us-east-1"));
        worker = SabotProcesses.isolated(home, environment, "worker", "-A", APP, "--metrics-port", "0",
                        "--checkpoint-dir", "s3://" + S3ProxyFixture.BUCKET + "/options/checkpoints",
                        "--savepoint-dir", SAVEPOINTS, "--store-option", "s3.endpoint=" + s3Proxy.endpoint())
                .redirectErrorStream(true).redirectOutput(home.resolve("worker.log").toFile()).start();
        SabotProcesses.awaitReady(home.resolve("apps/fraud-app"));
        String id = Json.MAPPER.readTree(ok("stop", "-A", APP, "--savepoint", "--json").out())
                .path("savepoint").asText();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();
        try (S3Client s3 = s3Proxy.client()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(S3ProxyFixture.BUCKET).prefix("options/savepoints/" + id + "/"))
                    .contents()).anyMatch(o -> o.key().endsWith("/_metadata.json"));
        }

        // the commands: no S3 variable at all, everything in $SABOT_HOME/sabot.properties
        environment.clear();
        Files.writeString(home.resolve("sabot.properties"), String.join("\n",
                "savepoint-dir=" + SAVEPOINTS,
                "s3.endpoint=" + s3Proxy.endpoint(),
                "s3.region=us-east-1",
                "s3.access-key-id=" + S3ProxyFixture.ACCESS_KEY,
                "s3.secret-access-key=" + S3ProxyFixture.SECRET_KEY, ""));
        JsonNode listed = Json.MAPPER.readTree(ok("savepoint", "list", "--json").out());
        assertThat(listed).extracting(n -> n.path("id").asText()).containsExactly(id);
        assertThat(ok("savepoint", "verify", id).out()).contains(id, "ok");

        // a flag beats the file: nothing listens at this endpoint
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Finished unreachable = run("savepoint", "list", "--store-option", "s3.max-attempts=1",
                "--store-option", "s3.endpoint=http://127.0.0.1:" + closedPort);
        assertThat(unreachable.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unreachable.err().lines()).hasSize(1).first().asString()
                .startsWith("sabot: cannot open the savepoint directory").contains("127.0.0.1:" + closedPort);

        // a mistyped key: one line, a usage error
        Finished typo = run("savepoint", "list", "--store-option", "s3.endpiont=" + s3Proxy.endpoint());
        assertThat(typo.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err().lines()).hasSize(1).first().asString()
                .contains("unknown S3 store option 's3.endpiont'").endsWith("(s3.endpiont was set by --store-option)");

        // a secret as a flag works, with one warning, and is shown nowhere
        Finished flagged = ok("savepoint", "list", "--store-option",
                "s3.secret-access-key=" + S3ProxyFixture.SECRET_KEY);
        assertThat(flagged.out()).contains(id);
        assertThat(flagged.err().lines()).hasSize(1).first().asString()
                .startsWith("sabot: warning: s3.secret-access-key given with --store-option");
        assertSecretKeyNowhereButInTheConfigFile();
    }

    private void assertSecretKeyNowhereButInTheConfigFile() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("sabot.properties")).toList();
        }
        assertThat(files).as("the worker's log and the commands' outputs").hasSizeGreaterThan(8);
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as("%s", f)
                    .doesNotContain(S3ProxyFixture.SECRET_KEY);
        }
        try (S3Client s3 = s3Proxy.client()) {
            s3.listObjectsV2Paginator(b -> b.bucket(S3ProxyFixture.BUCKET)).contents().forEach(o ->
                    assertThat(new String(s3.getObjectAsBytes(b -> b.bucket(S3ProxyFixture.BUCKET).key(o.key()))
                            .asByteArray(), StandardCharsets.ISO_8859_1)).as(o.key())
                            .doesNotContain(S3ProxyFixture.SECRET_KEY));
        }
    }
}
