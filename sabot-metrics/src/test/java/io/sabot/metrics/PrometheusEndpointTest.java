package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private final DropwizardMetrics metrics = DropwizardMetrics.create();
    private final PrometheusEndpoint endpoint = new PrometheusEndpoint(metrics);

    @Test
    void servesMetricsInTextFormat004() {
        assertThat(endpoint.path()).isEqualTo("/metrics");
        assertThat(endpoint.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    }

    @Test
    void rendersCountersAsCountersWithTotal() throws IOException {
        metrics.counter(StandardMetrics.EVENTS_PROCESSED, "parser", "raw").inc(42);

        assertThat(render()).isEqualTo("""
                # HELP sabot_events_processed_total Events processed by an agent, by input channel.
                # TYPE sabot_events_processed_total counter
                sabot_events_processed_total{agent="parser",channel="raw",} 42.0
                """);
    }

    @Test
    void rendersGaugesAsGauges() throws IOException {
        metrics.gauge(StandardMetrics.PROCESS_RESIDENT_MEMORY).set(1.5e9);
        metrics.gauge(StandardMetrics.AGENT_CPU_RATIO, () -> 0.25, "parser");

        assertThat(render()).isEqualTo("""
                # HELP sabot_agent_cpu_ratio Share of one core used by the agent's thread over the last interval (0..1).
                # TYPE sabot_agent_cpu_ratio gauge
                sabot_agent_cpu_ratio{agent="parser",} 0.25
                # HELP sabot_process_resident_memory_bytes Resident memory of the worker process.
                # TYPE sabot_process_resident_memory_bytes gauge
                sabot_process_resident_memory_bytes 1.5E9
                """);
    }

    @Test
    void rendersTimersAsSummariesInSecondsWithSumAndCount() throws IOException {
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(250_000_000L);
        metrics.timer(StandardMetrics.PROCESSING_LATENCY, "parser").recordNanos(250_000_000L);

        assertThat(render()).isEqualTo("""
                # HELP sabot_processing_latency_seconds Time an agent spent processing one event.
                # TYPE sabot_processing_latency_seconds summary
                sabot_processing_latency_seconds{agent="parser",quantile="0.5",} 0.25
                sabot_processing_latency_seconds{agent="parser",quantile="0.9",} 0.25
                sabot_processing_latency_seconds{agent="parser",quantile="0.99",} 0.25
                sabot_processing_latency_seconds_sum{agent="parser",} 0.5
                sabot_processing_latency_seconds_count{agent="parser",} 2.0
                """);
    }

    @Test
    void rendersHistogramsAsSummariesInTheirUnit() throws IOException {
        metrics.histogram(StandardMetrics.CHECKPOINT_SIZE).update(2048);

        assertThat(render()).isEqualTo("""
                # HELP sabot_checkpoint_size_bytes Total size of each completed checkpoint.
                # TYPE sabot_checkpoint_size_bytes summary
                sabot_checkpoint_size_bytes{quantile="0.5",} 2048.0
                sabot_checkpoint_size_bytes{quantile="0.9",} 2048.0
                sabot_checkpoint_size_bytes{quantile="0.99",} 2048.0
                sabot_checkpoint_size_bytes_sum 2048.0
                sabot_checkpoint_size_bytes_count 1.0
                """);
    }

    @Test
    void escapesQuotesBackslashesAndNewlinesInLabelValues() throws IOException {
        metrics.counter(StandardMetrics.ERRORS, "say \"hi\"", "C:\\temp\nline2").inc();

        assertThat(render()).contains(
                "sabot_errors_total{agent=\"say \\\"hi\\\"\",error_type=\"C:\\\\temp\\nline2\",} 1.0\n");
    }

    @Test
    void unicodeLabelValuesAreWrittenAsUtf8() throws IOException {
        metrics.gauge(StandardMetrics.AGENT_UP, "agent-\u00e9\u4e2d").set(1);

        assertThat(render()).contains("sabot_agent_up{agent=\"agent-\u00e9\u4e2d\",} 1.0");
    }

    @Test
    void emptyFacadeRendersNothing() throws IOException {
        assertThat(new String(renderOf(new PrometheusEndpoint(Metrics.noop())), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void collectorCanBeRegisteredBesideOtherCollectors() {
        metrics.counter(StandardMetrics.CHECKPOINTS, "completed").inc(3);
        CollectorRegistry registry = new CollectorRegistry();
        new MetricsCollector(metrics).register(registry);

        assertThat(registry.getSampleValue("sabot_checkpoints_total", new String[] {"status"},
                new String[] {"completed"})).isEqualTo(3.0);
        List<Collector.MetricFamilySamples> families = MetricsCollector.toSamples(metrics.snapshot());
        assertThat(families).singleElement().satisfies(f -> {
            assertThat(f.name).isEqualTo("sabot_checkpoints");
            assertThat(f.type).isEqualTo(Collector.Type.COUNTER);
        });
    }

    @Test
    void rendersTenThousandSeries() throws IOException {
        DropwizardMetrics big = DropwizardMetrics.builder().maxSeriesPerMetric(10_000).build();
        for (int s = 0; s < 10_000; s++) {
            big.counter(StandardMetrics.EVENTS_PROCESSED, "agent-" + s, "in").inc(s);
        }
        String text = new String(renderOf(new PrometheusEndpoint(big)), StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.startsWith("sabot_events_processed_total{")).count())
                .isEqualTo(10_000);
        assertThat(text).doesNotContain("dropped");
    }

    private String render() throws IOException {
        return new String(renderOf(endpoint), StandardCharsets.UTF_8);
    }

    static byte[] renderOf(PrometheusEndpoint endpoint) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        endpoint.write(out);
        return out.toByteArray();
    }
}
