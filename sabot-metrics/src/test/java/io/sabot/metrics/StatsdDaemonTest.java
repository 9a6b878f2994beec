package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.StandardMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real StatsD daemon (the npm package {@code statsd}) receiving what {@link StatsdExporter} sends: its flushes
 * are written by a small backend ({@code statsd-dump-backend.js}) to a file that the test reads.
 */
class StatsdDaemonTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    /** What the daemon flushed so far: counters summed over flushes, the last gauge values, all timings. */
    private static final class Flushed {
        final Map<String, Double> counters = new HashMap<>();
        final Map<String, String> gauges = new HashMap<>();
        final Map<String, Double> timerCounts = new HashMap<>();
        final Map<String, String> timerValues = new HashMap<>();
        int flushes;

        static Flushed read(Path file) throws IOException {
            Flushed f = new Flushed();
            if (!Files.exists(file)) {
                return f;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "flush" -> f.flushes++;
                    case "c" -> f.counters.merge(parts[1], Double.parseDouble(parts[2]), Double::sum);
                    case "g" -> f.gauges.put(parts[1], parts[2]);
                    case "ms" -> {
                        f.timerCounts.merge(parts[1], Double.parseDouble(parts[2]), Double::sum);
                        if (parts.length > 3) {
                            f.timerValues.merge(parts[1], parts[3], (a, b) -> a + "," + b);
                        }
                    }
                    default -> throw new IllegalStateException("unexpected dump line: " + line);
                }
            }
            return f;
        }
    }

    @Test
    void theDaemonReceivesCounterDeltasGaugesAndTimings(@TempDir Path dir) throws Exception {
        Path node = ExternalTools.executable("node", "SABOT_NODE");
        Path statsd = ExternalTools.statsdScript();
        Path backend = dir.resolve("statsd-dump-backend.js");
        try (InputStream in = getClass().getResourceAsStream("/statsd-dump-backend.js")) {
            Files.copy(in, backend);
        }
        Path dump = dir.resolve("flushes.txt");
        int port = Ports.freeUdp();
        int adminPort = Ports.freeTcp();
        Path config = dir.resolve("config.js");
        Files.writeString(config, """
                {
                  "address": "127.0.0.1",
                  "port": %d,
                  "mgmt_address": "127.0.0.1",
                  "mgmt_port": %d,
                  "flushInterval": 300,
                  "backends": ["%s"],
                  "dumpFile": "%s"
                }
                """.formatted(port, adminPort, backend, dump));

        DropwizardMetrics metrics = DropwizardMetrics.create();
        Counter events = metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw.events");
        events.inc(42);
        metrics.gauge(StandardMetrics.AGENT_CPU_RATIO, "parser").set(0.25);
        metrics.gauge(StandardMetrics.AGENT_BACKPRESSURE_LEVEL, "parser").set(3);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(10_000_000);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(20_000_000);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(15_000_000);

        try (ExternalProcess daemon = ExternalProcess.start(List.of(node.toString(), statsd.toString(),
                config.toString()), dir, dir.resolve("statsd.log"))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(daemon.isAlive()).as("statsd is running:\n%s", daemon.logTail()).isTrue();
                assertThat(Flushed.read(dump).flushes).as("statsd flushed; log:\n%s", daemon.logTail())
                        .isPositive();
            });

            CapturingScheduler scheduler = new CapturingScheduler();
            StatsdExporter exporter = StatsdExporter.builder("127.0.0.1").port(port).prefix("it")
                    .scheduler(scheduler).build();
            exporter.start(metrics);
            try {
                scheduler.only().runOnce();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    Flushed f = Flushed.read(dump);
                    assertThat(f.counters).containsEntry("it.sabot_events_processed_total.agent.parser.channel"
                            + ".raw_events", 42.0);
                    assertThat(f.gauges).containsEntry("it.sabot_agent_cpu_ratio.agent.parser", "0.25")
                            .containsEntry("it.sabot_agent_backpressure_level.agent.parser", "3");
                    assertThat(f.timerCounts).containsEntry("it.sabot_processing_latency_seconds.agent.parser", 3.0);
                    assertThat(f.timerValues).containsEntry("it.sabot_processing_latency_seconds.agent.parser", "15");
                });

                events.inc(8);
                metrics.gauge(StandardMetrics.AGENT_CPU_RATIO, "parser").set(0.5);
                metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(40_000_000);
                scheduler.only().runOnce();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    Flushed f = Flushed.read(dump);
                    // deltas: 42 then 8 add up to the true count, where absolute counts would give 92
                    assertThat(f.counters).containsEntry("it.sabot_events_processed_total.agent.parser.channel"
                            + ".raw_events", 50.0);
                    assertThat(f.gauges).containsEntry("it.sabot_agent_cpu_ratio.agent.parser", "0.5");
                    assertThat(f.timerCounts).containsEntry("it.sabot_processing_latency_seconds.agent.parser", 4.0);
                    assertThat(f.timerValues).containsEntry("it.sabot_processing_latency_seconds.agent.parser",
                            "15,40");
                });
            } finally {
                exporter.close();
                scheduler.shutdown();
            }
            assertThat(metrics.counter(StandardMetrics.EXPORT_FAILURES, "statsd").count()).isZero();
        }
    }
}
