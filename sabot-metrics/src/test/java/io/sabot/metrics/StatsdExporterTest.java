package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.StandardMetrics;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class StatsdExporterTest {

    private final DropwizardMetrics metrics = DropwizardMetrics.create();
    private final RecordingLogger log = new RecordingLogger();
    private DatagramSocket receiver;

    @BeforeEach
    void listen() throws IOException {
        receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver.setSoTimeout(30_000);
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private StatsdExporter.Builder exporter() {
        return StatsdExporter.builder("127.0.0.1").port(receiver.getLocalPort()).logger(log)
                .scheduler(new CapturingScheduler());
    }

    /** Receives datagrams until {@code n} lines arrived; the client sends one line per datagram. */
    private List<String> receive(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        byte[] buffer = new byte[1500];
        while (lines.size() < n) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            receiver.receive(packet);
            lines.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
        return lines;
    }

    private void assertNothingMore() throws IOException {
        receiver.setSoTimeout(300);
        try {
            byte[] buffer = new byte[1500];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            receiver.receive(packet);
            throw new AssertionError("unexpected datagram: "
                    + new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException expected) {
            // nothing else was sent
        } finally {
            receiver.setSoTimeout(30_000);
        }
    }

    @Test
    void sendsCounterDeltasGaugesAndTimersWithFoldedLabelsAndThePrefix() throws IOException {
        StatsdExporter statsd = exporter().prefix("prod.w1").build();
        Counter events = metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw.events");
        events.inc(42);
        metrics.gauge(StandardMetrics.AGENT_CPU_RATIO, "parser").set(0.25);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(10_000_000);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(20_000_000);
        metrics.histogram(StandardMetrics.CHECKPOINT_SIZE).update(1000);
        metrics.gauge(StandardMetrics.CHANNEL_DEPTH, () -> Double.NaN, "skipped");

        statsd.start(metrics);
        assertThat(statsd.sendNow()).isTrue();
        assertThat(receive(4)).containsExactlyInAnyOrder(
                "prod.w1.sabot_agent_cpu_ratio.agent.parser:0.25|g",
                "prod.w1.sabot_checkpoint_size_bytes:1000|ms",
                "prod.w1.sabot_events_processed_total.agent.parser.channel.raw_events:42|c",
                "prod.w1.sabot_processing_latency_seconds.agent.parser:15|ms|@0.5");

        events.inc(8);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(4_000_000);
        assertThat(statsd.sendNow()).isTrue();
        assertThat(receive(3)).containsExactlyInAnyOrder(
                "prod.w1.sabot_agent_cpu_ratio.agent.parser:0.25|g",
                "prod.w1.sabot_events_processed_total.agent.parser.channel.raw_events:8|c",
                "prod.w1.sabot_processing_latency_seconds.agent.parser:4|ms");
        assertNothingMore();
        assertThat(statsd.name()).isEqualTo("statsd");
        statsd.close();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aCounterRemovedAndMadeAgainSendsItsNewCount() throws IOException {
        StatsdExporter statsd = exporter().build();
        metrics.counter(StandardMetrics.CHECKPOINTS, "completed").inc(10);
        metrics.timer(StandardMetrics.CHECKPOINT_DURATION).recordNanos(3_000_000);
        metrics.timer(StandardMetrics.CHECKPOINT_DURATION).recordNanos(3_000_000);
        statsd.start(metrics);
        statsd.sendNow();
        assertThat(receive(2)).contains("sabot_checkpoints_total.status.completed:10|c",
                "sabot_checkpoint_duration_seconds:3|ms|@0.5");

        metrics.remove(StandardMetrics.CHECKPOINTS, "completed");
        metrics.remove(StandardMetrics.CHECKPOINT_DURATION);
        metrics.counter(StandardMetrics.CHECKPOINTS, "completed").inc(3);
        metrics.timer(StandardMetrics.CHECKPOINT_DURATION).recordNanos(2_000_000);
        statsd.sendNow();
        assertThat(receive(2)).containsExactlyInAnyOrder("sabot_checkpoints_total.status.completed:3|c",
                "sabot_checkpoint_duration_seconds:2|ms");
        statsd.close();
    }

    @Test
    void closeSendsALastUpdateAndLaterSendsDoNothing() throws IOException {
        StatsdExporter statsd = exporter().build();
        Counter counter = metrics.counter(StandardMetrics.SAVEPOINTS, "completed");
        statsd.start(metrics);
        statsd.sendNow();
        counter.inc(2);
        statsd.close();
        statsd.close();

        assertThat(receive(1)).containsExactly("sabot_savepoints_total.status.completed:2|c");
        assertThat(statsd.sendNow()).isFalse();
    }

    @Test
    void theScheduleUsesTheInterval() {
        CapturingScheduler scheduler = new CapturingScheduler();
        StatsdExporter statsd = exporter().scheduler(scheduler).interval(Duration.ofSeconds(7)).build();
        statsd.start(metrics);
        assertThat(scheduler.only().periodMillis()).isEqualTo(7_000);
        assertThatThrownBy(() -> statsd.start(metrics)).isInstanceOf(IllegalStateException.class);
        statsd.close();
        assertThat(scheduler.only().future().isCancelled()).isTrue();
        scheduler.shutdown();
    }

    @Test
    void anUnresolvableHostIsCountedLoggedOnceAndNeverAffectsCallers() {
        StatsdExporter statsd = StatsdExporter.builder("statsd.invalid").logger(log)
                .interval(Duration.ofMillis(20)).build();
        Counter events = metrics.counter(StandardMetrics.EVENTS_PROCESSED, "a", "b");
        Counter failures = metrics.counter(StandardMetrics.EXPORT_FAILURES, "statsd");

        statsd.start(metrics);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            events.inc();
            assertThat(failures.count()).isGreaterThanOrEqualTo(3);
        });
        statsd.close();

        assertThat(events.count()).isPositive();
        assertThat(log.count(Level.WARN)).isEqualTo(1);
        assertThat(log.lines().get(0).message()).contains("statsd.invalid:8125");
        assertThat(log.count(Level.ERROR)).isZero();
    }

    @Test
    void sendingBeforeStartFails() {
        StatsdExporter statsd = exporter().build();
        assertThatThrownBy(statsd::sendNow).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
        statsd.close();
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> StatsdExporter.builder(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> StatsdExporter.builder("h").port(0)).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> StatsdExporter.builder("h").port(65_536)).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> StatsdExporter.builder("h").prefix("a..b")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> StatsdExporter.builder("h").prefix("a:b")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> StatsdExporter.builder("h").interval(Duration.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> StatsdExporter.builder("h").name("")).hasMessageContaining("blank");
        assertThat(StatsdExporter.builder("h").prefix("").name("mine").build().name()).isEqualTo("mine");
    }
}
