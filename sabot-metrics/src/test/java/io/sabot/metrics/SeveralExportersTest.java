package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.sabot.api.metrics.MetricsExporter;
import io.sabot.api.metrics.StandardMetrics;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Several exporters on their own schedules over one facade, one of them failing, none disturbing the others. */
class SeveralExportersTest {

    @Test
    void exportersRunSideBySideAndAFailingOneDoesNotStopTheOthers() throws Exception {
        DropwizardMetrics metrics = DropwizardMetrics.create();
        metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw").inc(42);

        List<String> pushed = new CopyOnWriteArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            pushed.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
        List<String> received = new CopyOnWriteArrayList<>();
        try (DatagramSocket statsd = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            statsd.setSoTimeout(100);
            Duration interval = Duration.ofMillis(50);
            List<MetricsExporter> exporters = List.of(
                    PushgatewayExporter.builder(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()))
                            .instance("w1").interval(interval).build(),
                    StatsdExporter.builder("127.0.0.1").port(statsd.getLocalPort()).interval(interval).build(),
                    StatsdExporter.builder("nowhere.invalid").name("broken-statsd").interval(interval)
                            .logger(new RecordingLogger()).build());
            exporters.forEach(e -> e.start(metrics));
            try {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    byte[] buffer = new byte[1500];
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        statsd.receive(packet);
                        received.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
                    } catch (java.net.SocketTimeoutException e) {
                        // nothing this time
                    }
                    assertThat(pushed).anySatisfy(body -> assertThat(body).contains(
                            "sabot_events_processed_total{agent=\"parser\",channel=\"raw\",} 42.0"));
                    assertThat(received).contains("sabot_events_processed_total.agent.parser.channel.raw:42|c");
                    assertThat(metrics.counter(StandardMetrics.EXPORT_FAILURES, "broken-statsd").count())
                            .isGreaterThanOrEqualTo(2);
                });
            } finally {
                exporters.forEach(MetricsExporter::close);
                gateway.stop(0);
            }
        }
        assertThat(metrics.counter(StandardMetrics.EXPORT_FAILURES, "pushgateway").count()).isZero();
        assertThat(metrics.counter(StandardMetrics.EXPORT_FAILURES, "statsd").count()).isZero();
    }
}
