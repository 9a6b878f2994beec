package io.sabot.api.plugin;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A read-only HTTP resource that a plugin adds to the worker's single HTTP listener, such as the Prometheus
 * exporter's {@code /metrics}.
 *
 * <p>The worker answers {@code GET} requests on {@link #path()} with status 200, the {@link #contentType()}, and
 * the bytes written by {@link #write(OutputStream)}; an exception from {@code write} becomes a 500 response and a
 * log line. Paths must be unique within a worker.
 *
 * <p>Thread-safety: {@link #write(OutputStream)} may be called from several HTTP threads at once.
 */
public interface HttpEndpoint {

    /** {@return the path served, starting with {@code /}, for example {@code /metrics}} */
    String path();

    /** {@return the response's {@code Content-Type}, for example {@code text/plain; version=0.0.4; charset=utf-8}} */
    String contentType();

    /**
     * Writes the response body.
     *
     * @param out the response body stream; not to be closed by the endpoint
     * @throws IOException if writing fails
     */
    void write(OutputStream out) throws IOException;
}
