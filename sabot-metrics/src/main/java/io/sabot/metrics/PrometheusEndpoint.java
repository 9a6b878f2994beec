package io.sabot.metrics;

import io.prometheus.client.exporter.common.TextFormat;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.plugin.HttpEndpoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;

/**
 * The worker's {@code /metrics}: every series of a {@link Metrics} facade in the Prometheus text exposition format
 * 0.0.4, rendered by the Prometheus simpleclient through a {@link MetricsCollector}. See {@link MetricsCollector}
 * for how each type is mapped.
 *
 * <p>Thread-safety: {@link #write(OutputStream)} may be called from several HTTP threads at once; each call takes
 * its own snapshot.
 */
public final class PrometheusEndpoint implements HttpEndpoint {

    /** The path served. */
    public static final String PATH = "/metrics";

    private final MetricsCollector collector;

    /**
     * Creates the endpoint.
     *
     * @param metrics the facade to render
     */
    public PrometheusEndpoint(Metrics metrics) {
        this.collector = new MetricsCollector(Objects.requireNonNull(metrics, "metrics"));
    }

    /** @return {@value #PATH} */
    @Override
    public String path() {
        return PATH;
    }

    /** @return {@code text/plain; version=0.0.4; charset=utf-8} */
    @Override
    public String contentType() {
        return TextFormat.CONTENT_TYPE_004;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        TextFormat.write004(writer, Collections.enumeration(collector.collect()));
        writer.flush();
    }
}
