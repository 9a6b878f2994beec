package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.DOUBLE;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server scraping a running worker process of the demo app, then asked through its HTTP API for
 * Sabot series: what an operator who points Prometheus at {@code --metrics-port} sees.
 */
class WorkerPrometheusScrapeTest {

    private static final String APP = "io.sabot.examples.fraud.FraudApp";
    private static final String JOB = "sabot-worker";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process worker;
    private Process prometheus;

    @AfterEach
    void stopBoth() throws InterruptedException {
        try {
            SabotProcesses.stop(prometheus);
        } finally {
            SabotProcesses.stop(worker);
        }
    }

    /** One sample of an instant-vector answer: its labels (with {@code __name__}) and its value. */
    private record Sample(Map<String, String> labels, double value) {
    }

    @Test
    void prometheusScrapesARunningWorkerAndAnswersForItsSeries() throws Exception {
        Path binary = ExternalTools.executable("prometheus", "SABOT_PROMETHEUS");
        Path home = Files.createDirectories(dir.resolve("sabot-home"));
        worker = SabotProcesses.command(home, "worker", "-A", APP, "--metrics-port", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("worker.log").toFile()).start();
        URI address = SabotProcesses.awaitReady(home.resolve("apps/fraud-app"));
        String target = address.getHost() + ":" + address.getPort();

        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: %s
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(JOB, target));
        Path data = Files.createDirectories(dir.resolve("prometheus-data"));
        Path log = dir.resolve("prometheus.log");
        int port = freePort();
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");

        // Prometheus reached the worker: its own series for the target says up
        awaitAnswer(api, log, "up{job=\"" + JOB + "\"}", up -> assertThat(up).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("instance", target);
            assertThat(s.value()).isEqualTo(1.0);
        }));

        // the detector's processed-events counter, with the worker's labels and the ones Prometheus adds
        String processed = "sabot_events_processed_total{job=\"" + JOB + "\",agent=\"detector\"}";
        awaitAnswer(api, log, processed, samples -> assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("__name__", "sabot_events_processed_total",
                    "agent", "detector", "channel", "transactions", "job", JOB, "instance", target));
            assertThat(s.value()).isPositive();
        }));

        // scraped again and again: Prometheus sees the counter grow while the worker runs
        awaitAnswer(api, log, "rate(" + processed + "[10s])",
                rate -> assertThat(rate).singleElement().extracting(Sample::value, DOUBLE).isPositive());

        // every agent of the demo is up, one series each
        awaitAnswer(api, log, "sabot_agent_up{job=\"" + JOB + "\"}", agents -> {
            assertThat(agents).extracting(s -> s.labels().get("agent"))
                    .containsExactlyInAnyOrder("transactions-source", "detector", "alert-sink");
            assertThat(agents).extracting(Sample::value).containsOnly(1.0);
        });

        // a timer arrives as a summary in seconds, with its _count and _sum
        awaitAnswer(api, log, "sabot_processing_latency_seconds_count{job=\"" + JOB + "\",agent=\"detector\"}",
                count -> assertThat(count).singleElement().extracting(Sample::value, DOUBLE).isPositive());
        awaitAnswer(api, log, "sabot_processing_latency_seconds_sum{job=\"" + JOB + "\",agent=\"detector\"}",
                sum -> assertThat(sum).singleElement().extracting(Sample::value, DOUBLE).isPositive().isFinite());
    }

    /** Polls a query until its answer passes the assertions (Prometheus may still be starting, or not scraped). */
    private void awaitAnswer(URI api, Path log, String promql, Consumer<List<Sample>> assertions) {
        await(promql).atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            assertThat(prometheus.isAlive()).as("prometheus is running; its log:\n%s", tail(log)).isTrue();
            assertions.accept(query(api, log, promql));
        });
    }

    /** Asks Prometheus's query API; a failed query fails the test with Prometheus's error. */
    private List<Sample> query(URI api, Path log, String promql) throws IOException, InterruptedException {
        URI uri = URI.create(api + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("status").asText()).as("answer to %s: %s\nprometheus log:\n%s", promql,
                response.body(), tail(log)).isEqualTo("success");
        assertThat(body.path("data").path("resultType").asText()).isEqualTo("vector");
        List<Sample> samples = new ArrayList<>();
        for (JsonNode result : body.path("data").path("result")) {
            Map<String, String> labels = new TreeMap<>();
            result.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            samples.add(new Sample(labels, Double.parseDouble(result.path("value").path(1).asText())));
        }
        return samples;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
