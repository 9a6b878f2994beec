package io.sabot.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sabot.api.plugin.HttpEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's one HTTP listener. It serves:
 * <ul>
 *   <li>{@code GET /health} - 200 while the worker is live, 503 once it is not; the body says whether it is ready;</li>
 *   <li>{@code GET /health/live} and {@code GET /health/ready} - 200 or 503, for liveness and readiness probes;</li>
 *   <li>{@code GET <path>} for every {@link HttpEndpoint} added (for example {@code /metrics} and {@code /agents});</li>
 *   <li>{@code POST /admin/<name>} for every {@link AdminAction} added, only with the {@link AdminToken}
 *       ({@code Authorization: Bearer <token>}); 401 without it.</li>
 * </ul>
 * It binds 127.0.0.1 unless told otherwise. Every response is {@code Cache-Control: no-store}.
 *
 * <p>Thread-safety: requests are served on two daemon threads; {@link #close()} may be called from any thread.
 */
public final class WorkerHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Object exchanges = new Object();
    private int inFlight;

    private WorkerHttpServer(Builder b) throws IOException {
        server = HttpServer.create(new InetSocketAddress(b.address, b.port), 0);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sabot-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        Supplier<Health> health = b.health;
        server.createContext("/health", exchange -> counted(exchange, () -> healthResponse(exchange, health)));
        for (HttpEndpoint endpoint : b.endpoints.values()) {
            server.createContext(endpoint.path(), exchange -> counted(exchange,
                    () -> endpointResponse(exchange, endpoint)));
        }
        if (!b.actions.isEmpty()) {
            AdminToken token = Objects.requireNonNull(b.token, "admin actions need an admin token");
            Map<String, AdminAction> actions = Map.copyOf(b.actions);
            server.createContext("/admin/", exchange -> counted(exchange,
                    () -> adminResponse(exchange, token, actions)));
        }
        server.start();
    }

    /** {@return a builder with the defaults: 127.0.0.1, an ephemeral port, always healthy, no endpoints} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the address the server listens on, with the actual port} */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Stops listening and releases the threads, after letting the requests in progress send their responses (for at
     * most 5 seconds) - an admin stop request gets its answer before the listener goes. Idempotent; not to be called
     * from a request handler's own thread.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (exchanges) {
            long left;
            while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(exchanges, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Response(int status, String contentType, byte[] body) {
        static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
        }

        static Response json(int status, Object value) throws IOException {
            return new Response(status, "application/json; charset=utf-8", JsonEndpoint.MAPPER.writeValueAsBytes(value));
        }
    }

    @FunctionalInterface
    private interface Handler {
        Response handle() throws IOException;
    }

    private void counted(HttpExchange exchange, Handler handler) {
        synchronized (exchanges) {
            inFlight++;
        }
        try {
            serve(exchange, handler);
        } finally {
            synchronized (exchanges) {
                inFlight--;
                exchanges.notifyAll();
            }
        }
    }

    private static void serve(HttpExchange exchange, Handler handler) {
        try (exchange) {
            Response response;
            try {
                response = handler.handle();
            } catch (IOException | RuntimeException e) {
                LOG.warn("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        e.toString());
                response = Response.text(500, "internal error: " + e.getMessage());
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            LOG.debug("HTTP client went away: {}", e.toString());
        }
    }

    private static boolean isRead(HttpExchange exchange) {
        String m = exchange.getRequestMethod();
        return m.equals("GET") || m.equals("HEAD");
    }

    private static Response healthResponse(HttpExchange exchange, Supplier<Health> healthCheck) throws IOException {
        if (!isRead(exchange)) {
            return Response.text(405, "use GET");
        }
        Health health = healthCheck.get();
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/health":
                return Response.json(health.live() ? 200 : 503, health);
            case "/health/live":
                return Response.json(health.live() ? 200 : 503, health);
            case "/health/ready":
                return Response.json(health.live() && health.ready() ? 200 : 503, health);
            default:
                return Response.text(404, "no such resource: " + path);
        }
    }

    private static Response endpointResponse(HttpExchange exchange, HttpEndpoint endpoint) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(endpoint.path())) {
            return Response.text(404, "no such resource: " + exchange.getRequestURI().getPath());
        }
        if (!isRead(exchange)) {
            return Response.text(405, "use GET");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        endpoint.write(body);
        return new Response(200, endpoint.contentType(), body.toByteArray());
    }

    private static Response adminResponse(HttpExchange exchange, AdminToken token, Map<String, AdminAction> actions)
            throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/admin/".length());
        AdminAction action = actions.get(name);
        if (action == null) {
            return Response.text(404, "no such admin action: " + name);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return Response.text(405, "use POST");
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !token.matches(auth.substring("Bearer ".length()))) {
            return Response.text(401, "admin requests need the worker's token (Authorization: Bearer <token>)");
        }
        try {
            return Response.json(200, action.perform(query(exchange.getRequestURI().getRawQuery())));
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return Response.text(500, e.getMessage());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** Builds a {@link WorkerHttpServer}. Not thread-safe. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private Supplier<Health> health = () -> new Health(true, true, "no health check configured");
        private final Map<String, HttpEndpoint> endpoints = new LinkedHashMap<>();
        private final Map<String, AdminAction> actions = new LinkedHashMap<>();
        private AdminToken token;

        private Builder() {
        }

        /**
         * Sets the address to bind; default 127.0.0.1.
         *
         * @param value the address
         * @return this builder
         */
        public Builder bindAddress(InetAddress value) {
            this.address = Objects.requireNonNull(value, "address");
            return this;
        }

        /**
         * Sets the port; default 0 (an ephemeral port, see {@link #address()}).
         *
         * @param value 0 to 65535
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * Sets the health check; default always live and ready.
         *
         * @param value reads the worker's health at each request
         * @return this builder
         */
        public Builder health(Supplier<Health> value) {
            this.health = Objects.requireNonNull(value, "health");
            return this;
        }

        /**
         * Adds a read-only endpoint.
         *
         * @param endpoint the endpoint; its path must be unique and not under {@code /health} or {@code /admin}
         * @return this builder
         */
        public Builder endpoint(HttpEndpoint endpoint) {
            String path = endpoint.path();
            if (path == null || !path.startsWith("/") || path.startsWith("/health") || path.startsWith("/admin")) {
                throw new IllegalArgumentException("endpoint path must start with '/' and not be under /health or "
                        + "/admin, got " + path);
            }
            if (endpoints.putIfAbsent(path, endpoint) != null) {
                throw new IllegalArgumentException("two endpoints serve " + path + ": "
                        + endpoints.get(path).getClass().getName() + " and " + endpoint.getClass().getName());
            }
            return this;
        }

        /**
         * Sets the token that admin actions require.
         *
         * @param value the token
         * @return this builder
         */
        public Builder adminToken(AdminToken value) {
            this.token = Objects.requireNonNull(value, "token");
            return this;
        }

        /**
         * Adds an admin action at {@code POST /admin/<name>}.
         *
         * @param name   the action's name, a valid identifier
         * @param action the action
         * @return this builder
         */
        public Builder adminAction(String name, AdminAction action) {
            io.sabot.api.Ids.requireValid("admin action name", name);
            actions.put(name, Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server
         * @throws IOException if the address cannot be bound (the message names it)
         */
        public WorkerHttpServer start() throws IOException {
            try {
                return new WorkerHttpServer(this);
            } catch (java.net.BindException e) {
                throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port + ": "
                        + e.getMessage() + " (is another worker using the port? set --metrics-port)", e);
            }
        }
    }
}
