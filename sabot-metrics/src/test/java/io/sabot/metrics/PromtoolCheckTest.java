package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.metrics.StandardMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real {@code promtool check metrics} on what the worker's {@code /metrics} serves. */
class PromtoolCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void promtoolReportsNothingOnTheServedMetrics() throws Exception {
        Path promtool = ExternalTools.executable("promtool", "SABOT_PROMTOOL");
        DropwizardMetrics metrics = DropwizardMetrics.create();
        Fixtures.recordWholeCatalogue(metrics);
        metrics.counter(StandardMetrics.DROPPED_SERIES, "sabot_events_processed_total").inc();

        HttpResponse<byte[]> response;
        try (WorkerHttpServer worker = new WorkerHttpServer(new PrometheusEndpoint(metrics))) {
            response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(worker.uri("/metrics")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        for (var d : StandardMetrics.ALL) {
            assertThat(body).contains("# TYPE " + d.name() + " ");
        }

        Result result = check(promtool, response.body());
        assertThat(result.output()).as("promtool output on:\n%s", body).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void promtoolDoesReportABadExposition() throws Exception {
        Path promtool = ExternalTools.executable("promtool", "SABOT_PROMTOOL");
        Result result = check(promtool, "# HELP requests Requests.\n# TYPE requests counter\nrequests 1\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(result.output()).contains("counter metrics should have \"_total\" suffix");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result check(Path promtool, byte[] exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(promtool.toString(), "check", "metrics"))
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within " + TIMEOUT);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
