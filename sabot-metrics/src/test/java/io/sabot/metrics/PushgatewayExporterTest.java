package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.StandardMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class PushgatewayExporterTest {

    private final DropwizardMetrics metrics = DropwizardMetrics.create();
    private final RecordingLogger log = new RecordingLogger();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A stand-in gateway answering with a status the test sets, recording method, path and body. */
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private URI startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n" + body);
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void pushesTheGroupWithJobInstanceAndExtraLabelsThenDeletesItOnClose() throws IOException {
        URI url = startGateway();
        CapturingScheduler scheduler = new CapturingScheduler();
        metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw").inc(42);
        PushgatewayExporter exporter = PushgatewayExporter.builder(url).job("sabot-test").instance("worker-1")
                .groupingLabel("zone", "eu-west/1").interval(Duration.ofSeconds(20)).scheduler(scheduler)
                .logger(log).build();

        exporter.start(metrics);
        assertThat(scheduler.only().periodMillis()).isEqualTo(20_000);
        assertThat(requests).isEmpty();
        scheduler.only().runOnce();
        exporter.close();
        exporter.close();
        assertThat(exporter.pushNow()).isFalse(); // closed: no push brings the group back

        assertThat(exporter.name()).isEqualTo("pushgateway");
        assertThat(exporter.job()).isEqualTo("sabot-test");
        assertThat(exporter.groupingKey()).containsExactly(java.util.Map.entry("instance", "worker-1"),
                java.util.Map.entry("zone", "eu-west/1"));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).startsWith("PUT /metrics/job/sabot-test/instance/worker-1/zone@base64/ZXUtd2VzdC8x\n")
                .contains("sabot_events_processed_total{agent=\"parser\",channel=\"raw\",} 42.0");
        assertThat(requests.get(1)).isEqualTo("DELETE /metrics/job/sabot-test/instance/worker-1/zone@base64/ZXUtd2VzdC8x\n");
        assertThat(scheduler.only().future().isCancelled()).isTrue();
        assertThat(log.lines()).isEmpty();
        scheduler.shutdown();
    }

    @Test
    void failuresAreCountedAndLoggedOncePerEpisode() throws IOException {
        URI url = startGateway();
        PushgatewayExporter exporter = PushgatewayExporter.builder(url).instance("w").logger(log)
                .scheduler(new CapturingScheduler()).build();
        exporter.start(metrics);
        Counter failures = metrics.counter(StandardMetrics.EXPORT_FAILURES, "pushgateway");

        status.set(500);
        assertThat(exporter.pushNow()).isFalse();
        assertThat(exporter.pushNow()).isFalse();
        assertThat(exporter.pushNow()).isFalse();
        assertThat(failures.count()).isEqualTo(3);
        assertThat(log.count(Level.WARN)).isEqualTo(1);

        status.set(200);
        assertThat(exporter.pushNow()).isTrue();
        assertThat(exporter.pushNow()).isTrue();
        assertThat(log.count(Level.INFO)).isEqualTo(1);
        assertThat(log.lines().get(1).message()).contains("after 3 failed attempts");

        status.set(503);
        assertThat(exporter.pushNow()).isFalse();
        assertThat(log.count(Level.WARN)).isEqualTo(2);
        assertThat(failures.count()).isEqualTo(4);
        assertThat(log.lines().get(0).message()).contains("push to http://127.0.0.1:").contains("pushgateway")
                .contains(StandardMetrics.EXPORT_FAILURES.name());
        exporter.close();
        assertThat(failures.count()).isEqualTo(5); // the delete failed too, within the same episode
        assertThat(log.count(Level.WARN)).isEqualTo(2);
    }

    @Test
    void anUnreachableGatewayNeverAffectsCallers() {
        int closedPort = Ports.freeTcp();
        PushgatewayExporter exporter = PushgatewayExporter
                .builder(URI.create("http://user:secret@127.0.0.1:" + closedPort)).logger(log)
                .interval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(2)).build();
        Counter events = metrics.counter(StandardMetrics.EVENTS_PROCESSED, "a", "b");
        Counter failures = metrics.counter(StandardMetrics.EXPORT_FAILURES, "pushgateway");

        exporter.start(metrics); // returns at once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            events.inc();
            assertThat(failures.count()).isGreaterThanOrEqualTo(3);
        });
        exporter.close();

        assertThat(events.count()).isPositive();
        assertThat(log.count(Level.WARN)).isEqualTo(1);
        assertThat(log.lines().get(0).message()).contains("ConnectException").doesNotContain("secret");
        assertThat(log.count(Level.ERROR)).isZero();
    }

    @Test
    void pushingBeforeStartOrStartingTwiceFails() throws IOException {
        PushgatewayExporter exporter = PushgatewayExporter.builder(startGateway()).instance("w")
                .scheduler(new CapturingScheduler()).build();
        assertThatThrownBy(exporter::pushNow).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
        exporter.close(); // never started: nothing to delete
        assertThat(requests).isEmpty();

        PushgatewayExporter started = PushgatewayExporter.builder(URI.create("http://127.0.0.1:1")).instance("w")
                .name("second").scheduler(new CapturingScheduler()).build();
        started.start(metrics);
        assertThatThrownBy(() -> started.start(metrics)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    @Test
    void builderRejectsBadSettings() {
        URI ok = URI.create("http://127.0.0.1:9091");
        assertThatThrownBy(() -> PushgatewayExporter.builder(URI.create("ftp://host"))).hasMessageContaining("http");
        assertThatThrownBy(() -> PushgatewayExporter.builder(URI.create("http:///path")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).groupingLabel("job", "x"))
                .hasMessageContaining("not be job");
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).groupingLabel("bad-name", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).groupingLabel("__x", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).groupingLabel("zone", " "))
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).job("")).hasMessageContaining("blank");
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).job("a b")).hasMessageContaining("space");
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).instance("a b")).hasMessageContaining("space");
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).groupingLabel("zone", "eu west"))
                .hasMessageContaining("space");
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).interval(Duration.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> PushgatewayExporter.builder(ok).timeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("positive");
        assertThat(PushgatewayExporter.builder(ok).build().groupingKey()).containsKey("instance");
    }
}
