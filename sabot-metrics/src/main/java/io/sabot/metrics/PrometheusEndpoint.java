package io.sabot.metrics;

import io.prometheus.client.exporter.common.TextFormat;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.plugin.HttpEndpoint;
import java.io.IOException;
import java.io.OutputStream;
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
    private volatile int lastSize; // a sizing hint for the next render, in characters

    /**
     * Creates the endpoint.
     *
     * @param metrics the facade to render
     */
    public PrometheusEndpoint(Metrics metrics) {
        this.collector = new MetricsCollector(Objects.requireNonNull(metrics, "metrics"));
    }

    /** {@return {@value #PATH}} */
    @Override
    public String path() {
        return PATH;
    }

    /** {@return {@code text/plain; version=0.0.4; charset=utf-8}} */
    @Override
    public String contentType() {
        return TextFormat.CONTENT_TYPE_004;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        // The text format is written a few characters at a time: into an unsynchronised builder first, then encoded
        // once (a BufferedWriter would take its lock for every character of every label value).
        TextBuilder text = new TextBuilder(lastSize);
        TextFormat.write004(text, Collections.enumeration(collector.collect()));
        lastSize = text.length();
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A {@link Writer} appending to a {@link StringBuilder}, without locks. Not thread-safe. */
    private static final class TextBuilder extends Writer {
        private final StringBuilder text;

        TextBuilder(int expectedSize) {
            this.text = new StringBuilder(Math.max(expectedSize, 1024));
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        int length() {
            return text.length();
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
