package io.sabot.cli;

import io.sabot.cli.SabotProcesses.Finished;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sabot command as a user runs it: real worker processes, real HTTP, real savepoints on disk. */
class CliEndToEndTest {

    private static final String APP = "io.sabot.examples.fraud.FraudApp";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private ProcessBuilder builder(String... args) {
        return SabotProcesses.command(home, args);
    }

    private Process start(Path log, String... args) throws IOException {
        ProcessBuilder pb = builder(args).redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private Finished run(String... args) throws Exception {
        return SabotProcesses.finish(builder(args), home);
    }

    private Path appDir() {
        return home.resolve("apps/fraud-app");
    }

    private void awaitReady() {
        SabotProcesses.awaitReady(appDir());
    }

    private static String savepointId(String text) {
        Matcher m = Pattern.compile("sp-\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{8}").matcher(text);
        assertThat(m.find()).as("a savepoint id in: %s", text).isTrue();
        return m.group();
    }

    @Test
    void theUpgradeFlowCarriesTheDetectorsStateOver() throws Exception {
        Path log1 = home.resolve("worker1.log");
        Process worker = start(log1, "worker", "-A", APP, "--metrics-port", "0", "--checkpoint-interval", "1s",
                "--set", "fraud.rate=1000");
        awaitReady();

        Finished created = run("savepoint", "create", "-A", APP, "-d", "first");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("created fresh by the running worker");

        Finished status = run("status", "-A", APP);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("detector", "transactions-source", "RUNNING");

        Finished stopped = run("stop", "-A", APP, "--savepoint", "-d", "before upgrade");
        assertThat(stopped.exit()).as(stopped.err()).isZero();
        String id = savepointId(stopped.out());
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();

        Finished list = run("savepoint", "list", "-A", APP, "--json");
        JsonNode listed = Json.MAPPER.readTree(list.out());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).path("id").asText()).isEqualTo(id);

        Path log2 = home.resolve("worker2.log");
        Process next = start(log2, "worker", "-A", APP, "--metrics-port", "0", "--from-savepoint", id);
        await().atMost(WAIT).until(() -> Files.readString(log2).contains("detector starts with"));
        Matcher resumed = Pattern.compile("detector starts with (\\d+) transactions processed")
                .matcher(Files.readString(log2));
        assertThat(resumed.find()).isTrue();
        assertThat(Long.parseLong(resumed.group(1))).isPositive();
        awaitReady();
        next.destroy();
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).as("exit code after SIGTERM").isZero();
        assertThat(Files.readString(log2)).contains("final checkpoint");

        assertThat(run("savepoint", "verify", "-A", APP).exit()).isZero();
        assertThat(run("savepoint", "delete", "-A", APP, id).exit()).isZero();
        Finished after = run("savepoint", "show", "-A", APP, id);
        assertThat(after.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(after.err().strip()).startsWith("sabot: no savepoint " + id);
    }

    @Test
    void aWorkerWhoseSupervisorGivesUpExitsWithItsOwnCode() throws Exception {
        Finished done = run("worker", "-A", APP, "--metrics-port", "0", "--set", "fraud.fault-rate=0.5",
                "--restart-intensity", "1", "--restart-period", "1m");

        assertThat(done.exit()).isEqualTo(ExitCodes.SUPERVISOR_GAVE_UP);
        assertThat(done.err()).contains("sabot: the worker's root supervisor gave up");
    }

    @Test
    void theOriginalAliasesWorkWithTheOriginalFlags() throws Exception {
        Path log = home.resolve("worker.log");
        Process worker = start(log, "worker", "-A", APP, "--metrics-port", "0", "--set", "fraud.rate=1000");
        awaitReady();
        assertThat(run("stop", "-A", APP).exit()).isZero();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String dir = home.resolve("elsewhere").toString();
        Files.createDirectories(Path.of(dir));

        Finished created = run("savepoint-create", "-A", APP, "--description", "Before upgrade", "--savepoint-dir", dir);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("from retained checkpoint");
        String id = savepointId(created.out());
        Finished listed = run("savepoint-list", "--savepoint-dir", dir);
        assertThat(listed.out()).contains(id, "Before upgrade");
        Finished restored = run("savepoint-restore", id, "-A", APP, "--savepoint-dir", dir);
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("restored as checkpoint").contains("--recover");

        Path log2 = home.resolve("recovered.log");
        Process recovered = start(log2, "worker", "-A", APP, "--metrics-port", "0", "--recover");
        await().atMost(WAIT).until(() -> Files.readString(log2).contains("detector starts with"));
        assertThat(Files.readString(log2)).contains("recovering from checkpoint");
        Matcher resumed = Pattern.compile("detector starts with (\\d+) transactions processed")
                .matcher(Files.readString(log2));
        assertThat(resumed.find()).isTrue();
        assertThat(Long.parseLong(resumed.group(1))).as("state written by the earlier worker process").isPositive();
        recovered.destroy();
        assertThat(recovered.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void restartsOfTheFaultInjectingDemoShowInStatusAndInMetricsThatPromtoolAccepts() throws Exception {
        Path log = home.resolve("faulty.log");
        start(log, "worker", "-A", APP, "--metrics-port", "0", "--set", "fraud.fault-rate=0.002",
                "--set", "fraud.rate=2000", "--restart-intensity", "1000");
        awaitReady();
        String address = Files.readString(appDir().resolve("worker.address")).trim();
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(WAIT).until(() -> client.send(HttpRequest.newBuilder(URI.create(address + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body()
                .contains("sabot_agent_restarts_total{agent=\"detector\",group=\"default\",strategy=\"one_for_one\",}"));

        Finished status = run("status", "-A", APP, "--json");
        JsonNode detector = null;
        for (JsonNode a : Json.MAPPER.readTree(status.out()).path("agents")) {
            if (a.path("id").asText().equals("detector")) {
                detector = a;
            }
        }
        assertThat(detector).isNotNull();
        assertThat(detector.path("restarts").asInt()).isPositive();
        assertThat(detector.path("lastFailure").asText()).contains("InjectedFault");

        Path promtool = ExternalTools.executable("promtool", "SABOT_PROMTOOL");
        String metrics = client.send(HttpRequest.newBuilder(URI.create(address + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(report).as("promtool check metrics on a running worker's /metrics").isEmpty();
        assertThat(check.exitValue()).isZero();
    }

    @Test
    void aThrottledAgentIsHeldNearItsCpuLimit() throws Exception {
        Path log = home.resolve("throttled.log");
        start(log, "worker", "-A", APP, "--metrics-port", "0", "--set", "fraud.rate=0",
                "--limit", "detector@agent_cpu=20%:throttle");
        awaitReady();
        String address = Files.readString(appDir().resolve("worker.address")).trim();
        HttpClient client = HttpClient.newHttpClient();

        await().atMost(WAIT).until(() -> client.send(HttpRequest.newBuilder(URI.create(address + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body()
                .contains("sabot_agent_limit_violations_total{agent=\"detector\",limit=\"agent_cpu\",}"));
        List<Double> shares = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            shares.add(detectorCpu());
            int n = shares.size();
            return n >= 3 && shares.subList(n - 3, n).stream().allMatch(c -> c <= 0.35);
        });
        assertThat(Files.readString(log)).contains("exceeded");
    }

    @Test
    void anAgentPastItsStateLimitIsRestartedThroughItsSupervisorOncePerEpisode() throws Exception {
        Path log = home.resolve("restarted.log");
        start(log, "worker", "-A", APP, "--metrics-port", "0", "--checkpoint-interval", "1s",
                "--set", "fraud.rate=2000", "--limit", "detector@agent_state_bytes=4KiB:restart");
        awaitReady();
        String address = Files.readString(appDir().resolve("worker.address")).trim();
        HttpClient client = HttpClient.newHttpClient();
        String violation = "sabot_agent_limit_violations_total{agent=\"detector\",limit=\"agent_state_bytes\",} ";
        java.util.concurrent.Callable<String> metrics = () -> client.send(HttpRequest.newBuilder(
                URI.create(address + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();

        await().atMost(WAIT).until(() -> metrics.call().contains(violation + "1.0")
                && metrics.call().contains("sabot_agent_restarts_total{agent=\"detector\""));
        // the restored state is still past the limit: the same episode goes on, so no second violation or restart
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30))
                .until(() -> metrics.call().contains(violation + "1.0"));
        assertThat(Files.readString(log)).contains("exceeded its", "restarting it through its supervisor")
                .doesNotContain("could not measure");
        Matcher state = Pattern.compile("sabot_agent_state_bytes\\{agent=\"detector\",} (\\S+)")
                .matcher(metrics.call());
        assertThat(state.find()).as("the state size is exported once, by the resource monitor").isTrue();
        assertThat(Double.parseDouble(state.group(1))).isGreaterThan(4096);
    }

    private double detectorCpu() throws Exception {
        Finished status = run("status", "-A", APP, "--json");
        for (JsonNode a : Json.MAPPER.readTree(status.out()).path("agents")) {
            if (a.path("id").asText().equals("detector")) {
                JsonNode cpu = a.path("usage").path("cpuRatio");
                return cpu.isNumber() ? cpu.asDouble() : Double.NaN;
            }
        }
        return Double.NaN;
    }

    @Test
    void badInputGetsOneClearLineAndANonZeroCode() throws Exception {
        Finished unknownApp = run("worker", "-A", "com.example.NoSuchApp", "--metrics-port", "0");
        assertThat(unknownApp.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownApp.err().strip()).isEqualTo("sabot: unknown app class 'com.example.NoSuchApp': it is "
                + "not on the class path (check the name, and that the app's jar is on the class path)");

        Finished unknownStrategy = run("worker", "-A", APP, "--metrics-port", "0", "--supervision", "one_for_none");
        assertThat(unknownStrategy.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownStrategy.err().lines().filter(l -> l.startsWith("sabot:")).toList()).singleElement()
                .asString().contains("one_for_none");

        Finished badDuration = run("worker", "-A", APP, "--checkpoint-interval", "soon");
        assertThat(badDuration.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDuration.err()).contains("invalid duration 'soon'");

        Finished noWorker = run("status", "-A", APP);
        assertThat(noWorker.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noWorker.err().strip()).startsWith("sabot: no worker of app 'fraud-app' is running");

        Finished badId = run("savepoint", "show", "-A", APP, "../etc/passwd");
        assertThat(badId.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badId.err().strip()).startsWith("sabot: invalid savepoint id");
        assertThat(badId.err()).doesNotContain("Exception");
    }
}
