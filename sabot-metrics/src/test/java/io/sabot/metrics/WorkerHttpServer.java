package io.sabot.metrics;

import com.sun.net.httpserver.HttpServer;
import io.sabot.api.plugin.HttpEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/** A stand-in for the worker's HTTP listener: serves one {@link HttpEndpoint} on 127.0.0.1 with GET. */
final class WorkerHttpServer implements AutoCloseable {

    private final HttpServer server;

    WorkerHttpServer(HttpEndpoint endpoint) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(endpoint.path(), exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                try {
                    endpoint.write(body);
                } catch (IOException | RuntimeException e) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", endpoint.contentType());
                exchange.sendResponseHeaders(200, body.size());
                try (OutputStream out = exchange.getResponseBody()) {
                    body.writeTo(out);
                }
            }
        });
        server.start();
    }

    /** @return the port */
    int port() {
        return server.getAddress().getPort();
    }

    /** @return the URL of a path on this server */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
