package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.metrics.StandardMetrics;
import java.io.IOException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.sabot.api.metrics.MetricDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus server scraping the worker's {@code /metrics}, then queried through its HTTP API. */
class PrometheusScrapeTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void prometheusScrapesTheWorkerAndAnswersQueriesForSabotSeries(@TempDir Path dir) throws Exception {
        Path prometheus = ExternalTools.executable("prometheus", "SABOT_PROMETHEUS");
        DropwizardMetrics metrics = DropwizardMetrics.create();
        Fixtures.recordWholeCatalogue(metrics);
        metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw").inc(42);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(250_000_000);

        try (WorkerHttpServer worker = new WorkerHttpServer(new PrometheusEndpoint(metrics))) {
            int port = Ports.freeTcp();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                    scrape_configs:
                      - job_name: sabot
                        metrics_path: /metrics
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(worker.port()));
            Files.createDirectories(dir.resolve("data"));
            try (ExternalProcess server = ExternalProcess.start(List.of(prometheus.toString(),
                    "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--web.external-url=http://127.0.0.1:" + port + "/"), dir, dir.resolve("prometheus.log"))) {
                URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");

                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(server.isAlive()).as("prometheus is running:\n%s", server.logTail()).isTrue();
                    String answer = query(api, "sabot_events_processed_total{agent=\"parser\"}");
                    assertThat(answer).contains("\"status\":\"success\"")
                            .contains("\"__name__\":\"sabot_events_processed_total\"")
                            .contains("\"channel\":\"raw\"").contains("\"job\":\"sabot\"").contains(",\"42\"]");
                });

                assertThat(query(api, "up{job=\"sabot\"}")).contains(",\"1\"]");
                assertThat(query(api, "sabot_processing_latency_seconds_count{agent=\"parser\"}"))
                        .contains(",\"1\"]");
                assertThat(query(api, "sabot_processing_latency_seconds_sum{agent=\"parser\"}"))
                        .contains(",\"0.25\"]");
                assertThat(query(api, "sabot_errors_total{error_type=\"line1\\nline2\"}"))
                        .contains("\"agent\":\"C:\\\\agents\\\\x\"").contains(",\"2\"]");
                assertThat(query(api, "count({__name__=~\"sabot_.+\"})")).doesNotContain("\"result\":[]");

                // every query of the Grafana dashboard is valid PromQL over real Sabot series
                for (String expr : dashboardQueries()) {
                    String promql = expr.replace("$job", ".*").replace("$agent", ".*")
                            .replace("$__rate_interval", "1m");
                    assertThat(query(api, promql)).as("dashboard query %s", expr).contains("\"status\":\"success\"");
                }
            }
        }
    }

    /** @return the PromQL of every panel of docs/grafana/sabot-dashboard.json, checked to name only Sabot metrics */
    static List<String> dashboardQueries() throws IOException {
        String json = Files.readString(Path.of("..", "docs", "grafana", "sabot-dashboard.json"));
        Matcher m = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        List<String> queries = new ArrayList<>();
        while (m.find()) {
            queries.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        assertThat(queries).hasSizeGreaterThan(20);
        Set<String> known = new HashSet<>();
        for (MetricDescriptor d : StandardMetrics.ALL) {
            known.add(d.name());
            known.add(d.name() + "_sum");
            known.add(d.name() + "_count");
        }
        Matcher names = Pattern.compile("\\bsabot_[a-z_]+").matcher(String.join("\n", queries));
        while (names.find()) {
            assertThat(known).as("metric named in the dashboard").contains(names.group());
        }
        return queries;
    }

    private String query(URI api, String promql) throws IOException, InterruptedException {
        URI uri = URI.create(api + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
