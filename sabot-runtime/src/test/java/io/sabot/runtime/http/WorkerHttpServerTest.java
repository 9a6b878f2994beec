package io.sabot.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.plugin.HttpEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerHttpServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, false, "starting"));
    private final AdminToken token = AdminToken.generate();
    private WorkerHttpServer server;

    private static final HttpEndpoint HELLO = new HttpEndpoint() {
        @Override
        public String path() {
            return "/hello";
        }

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
    };

    private WorkerHttpServer start() throws IOException {
        server = WorkerHttpServer.builder()
                .health(health::get)
                .endpoint(HELLO)
                .endpoint(new JsonEndpoint("/agents", () -> Map.of("detector", Map.of("state", "RUNNING"))))
                .adminToken(token)
                .adminAction("echo", params -> Map.of("echo", params.getOrDefault("say", "")))
                .adminAction("refuse", params -> {
                    throw new IllegalArgumentException("bad parameter 'x'");
                })
                .start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    @Test
    void listensOnLoopbackByDefault() throws Exception {
        start();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.address().getPort()).isPositive();
    }

    @Test
    void readinessFollowsTheHealthCheckWhileLivenessStaysUp() throws Exception {
        start();
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health").body()).contains("\"ready\" : false").contains("starting");

        health.set(new Health(true, true, "3 of 3 agents running"));
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);

        health.set(new Health(false, false, "root supervisor gave up"));
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(503);
    }

    @Test
    void servesEndpointsAndJson() throws Exception {
        start();
        HttpResponse<String> hello = get("/hello");
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("hello\n");
        assertThat(hello.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");

        HttpResponse<String> agents = get("/agents");
        assertThat(agents.body()).contains("\"detector\"").contains("RUNNING");
        assertThat(agents.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        start();
        assertThat(get("/hello/more").statusCode()).isEqualTo(404);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        assertThat(post("/hello", null).statusCode()).isEqualTo(405);
        assertThat(get("/admin/echo").statusCode()).isEqualTo(405);
        assertThat(post("/admin/unknown", token.bearerHeader()).statusCode()).isEqualTo(404);
    }

    @Test
    void adminActionsNeedTheToken() throws Exception {
        start();
        assertThat(post("/admin/echo?say=hi", null).statusCode()).isEqualTo(401);
        assertThat(post("/admin/echo?say=hi", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post("/admin/echo?say=hi", AdminToken.generate().bearerHeader()).statusCode()).isEqualTo(401);

        HttpResponse<String> ok = post("/admin/echo?say=hi%20there", token.bearerHeader());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("hi there");
    }

    @Test
    void aBadAdminParameterIs400WithItsMessage() throws Exception {
        start();
        HttpResponse<String> response = post("/admin/refuse", token.bearerHeader());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("bad parameter 'x'");
    }

    @Test
    void aTakenPortGivesAClearError() throws Exception {
        start();
        int port = server.address().getPort();
        assertThatThrownBy(() -> WorkerHttpServer.builder().port(port).start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
    }

    @Test
    void endpointPathsAreChecked() {
        assertThatThrownBy(() -> WorkerHttpServer.builder().endpoint(new JsonEndpoint("/health/x", Map::of)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkerHttpServer.builder().endpoint(HELLO).endpoint(HELLO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two endpoints serve /hello");
        assertThatThrownBy(() -> WorkerHttpServer.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTokenFileIsPrivateAndTheTokenNeverPrinted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("apps/fraud-app/admin.token");
        token.writeTo(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        AdminToken read = AdminToken.readFrom(file);
        assertThat(read).isEqualTo(token);
        assertThat(read.toString()).doesNotContain(Files.readString(file));
        assertThat(token.matches(null)).isFalse();

        Files.writeString(file, "  ");
        assertThatThrownBy(() -> AdminToken.readFrom(file)).isInstanceOf(IOException.class).hasMessageContaining("empty");
    }
}
