package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.metrics.StandardMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Pushgateway receiving the pushed group, and losing it when the exporter closes. */
class PushgatewayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theGatewayHoldsThePushedGroupUntilTheExporterCloses(@TempDir Path dir) throws Exception {
        Path binary = ExternalTools.executable("prometheus-pushgateway", "SABOT_PUSHGATEWAY");
        int port = Ports.freeTcp();
        URI gateway = URI.create("http://127.0.0.1:" + port);
        DropwizardMetrics metrics = DropwizardMetrics.create();
        Fixtures.recordWholeCatalogue(metrics);
        metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw").inc(42);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(500_000_000);

        try (ExternalProcess server = ExternalProcess.start(List.of(binary.toString(),
                "--web.listen-address=127.0.0.1:" + port), dir, dir.resolve("pushgateway.log"))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
                assertThat(server.isAlive()).as("pushgateway is running:\n%s", server.logTail()).isTrue();
                assertThat(get(gateway.resolve("/-/ready")).statusCode()).isEqualTo(200);
            });

            PushgatewayExporter exporter = PushgatewayExporter.builder(gateway).job("sabot_it").instance("worker-1")
                    .groupingLabel("zone", "eu").interval(Duration.ofMillis(500)).build();
            exporter.start(metrics);
            try {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    String text = get(gateway.resolve("/metrics")).body();
                    assertThat(text).as("gateway /metrics; log:\n%s", server.logTail()).contains(
                            "sabot_events_processed_total{agent=\"parser\",channel=\"raw\",instance=\"worker-1\","
                                    + "job=\"sabot_it\",zone=\"eu\"} 42");
                    assertThat(text).contains("sabot_processing_latency_seconds_sum{agent=\"parser\","
                            + "instance=\"worker-1\",job=\"sabot_it\",zone=\"eu\"} 0.5");
                    assertThat(text).contains("sabot_metrics_export_failures_total{exporter=\"pushgateway\","
                            + "instance=\"worker-1\",job=\"sabot_it\",zone=\"eu\"} 0");
                });
                // later pushes replace the group with the new values
                metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw").inc(8);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(get(gateway.resolve("/metrics")).body()).contains(
                                "sabot_events_processed_total{agent=\"parser\",channel=\"raw\",instance=\"worker-1\","
                                        + "job=\"sabot_it\",zone=\"eu\"} 50"));
            } finally {
                exporter.close();
            }

            String after = get(gateway.resolve("/metrics")).body();
            assertThat(after).doesNotContain("job=\"sabot_it\"");
            assertThat(get(gateway.resolve("/api/v1/metrics")).body()).doesNotContain("sabot_it");
            assertThat(metrics.counter(StandardMetrics.EXPORT_FAILURES, "pushgateway").count()).isZero();
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
