package io.sabot.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.runtime.http.AdminToken;
import io.sabot.runtime.savepoint.CreatedSavepoint;
import io.sabot.runtime.savepoint.SavepointManager;
import io.sabot.savepoint.fs.FsSavepointStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final String key = UUID.randomUUID().toString();
    private Worker worker;

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    private WorkerConfig.Builder config() {
        return WorkerConfig.builder(CountingApp.class.getName(), home).httpPort(0)
                .checkpointInterval(Duration.ZERO).setting("count.key", key);
    }

    private Worker start(WorkerConfig config) throws Exception {
        worker = Worker.start(config, getClass().getClassLoader());
        return worker;
    }

    @Test
    void runsTheAppServesHealthAndAgentsAndStopsCleanly() throws Exception {
        Worker w = start(config().setting("count.end", "500").build());

        await().atMost(WAIT).until(() -> CountingApp.count(key) == 500);
        assertThat(CountingApp.sum(key)).isEqualTo(500L * 499 / 2);
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + w.httpAddress().getPort();
        await().atMost(WAIT).until(() -> w.health().ready());
        assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String agents = client.send(HttpRequest.newBuilder(URI.create(base + "/agents")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(agents).contains("\"counter\"", "\"numbers-source\"", "\"numbers\"");
        assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/savepoint/progress")).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll("\\s", "")).isEqualTo("{\"active\":false}");
        assertThat(Files.readString(w.appDirectory().resolve(Worker.ADDRESS_FILE))).contains(base);
        assertThat(AdminToken.readFrom(w.appDirectory().resolve(Worker.TOKEN_FILE))).isNotNull();

        w.stop(true);

        assertThat(w.awaitExit()).isEqualTo(WorkerExit.STOPPED);
        assertThat(Files.exists(w.appDirectory().resolve(Worker.ADDRESS_FILE))).isFalse();
        assertThat(w.checkpointStore().listChildren("")).anyMatch(c -> c.startsWith("chk-"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "crash at event {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {0, 1, 777, 5_000, 12_345, 19_999})
    void aConsistentRegionRestartsFromACheckpointAndCountsEveryEventOnce(long crashAt) throws Exception {
        long end = 20_000;
        Worker w = start(config().setting("count.end", Long.toString(end))
                .setting("count.fail-at", Long.toString(crashAt))
                .setting("count.strategy", "one_for_all").setting("count.rate", "20000")
                .checkpointInterval(Duration.ofMillis(100)).build());

        await().atMost(WAIT).until(() -> CountingApp.count(key) == end);

        assertThat(CountingApp.FAILED).containsKey(key);
        assertThat(CountingApp.sum(key)).isEqualTo(end * (end - 1) / 2);
        assertThat(w.status().agents()).filteredOn(a -> a.id().equals("counter"))
                .singleElement().satisfies(a -> assertThat(a.restarts()).isPositive());
    }

    @Test
    void theWorkerEndsWithSupervisorGaveUpWhenAGroupExceedsItsIntensity() throws Exception {
        Worker w = start(config().setting("count.fail-always", "true")
                .intensity(RestartIntensity.of(2, Duration.ofMinutes(1))).build());

        assertThat(w.exit().get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(WorkerExit.SUPERVISOR_GAVE_UP);
        assertThat(w.health().live()).isFalse();
        assertThat(CountingApp.RUNS.get(key).get()).isEqualTo(3);
    }

    @Test
    void recoverResumesFromTheLatestCheckpointAndAFreshStartDoesNot() throws Exception {
        Worker first = start(config().setting("count.end", "300").build());
        await().atMost(WAIT).until(() -> CountingApp.count(key) == 300);
        first.stop(true);

        CountingApp.PUBLISHED.remove(key);
        worker = null;
        Worker recovered = start(config().setting("count.end", "300").recover(true).build());
        await().atMost(WAIT).until(() -> CountingApp.count(key) == 300);
        assertThat(CountingApp.RUNS.get(key).get()).isEqualTo(2);
        recovered.stop(false);

        CountingApp.PUBLISHED.remove(key);
        worker = null;
        start(config().setting("count.end", "300").build());
        await().atMost(WAIT).until(() -> CountingApp.PUBLISHED.containsKey(key));
        await().atMost(WAIT).until(() -> CountingApp.count(key) == 300);
        assertThat(CountingApp.sum(key)).isEqualTo(300L * 299 / 2);
    }

    @Test
    void startsFromASavepointWithExactlyItsState() throws Exception {
        Worker first = start(config().setting("count.end", "250").build());
        await().atMost(WAIT).until(() -> CountingApp.count(key) == 250);
        first.checkpoint().get();
        CreatedSavepoint created;
        try (SavepointStore savepoints = FsSavepointStore.open(first.appDirectory().resolve("savepoints"))) {
            created = SavepointManager.of(savepoints).createFromLatestCheckpoint(first.checkpointStore(), "test");
        }
        first.stop(false);

        CountingApp.PUBLISHED.remove(key);
        worker = null;
        start(config().setting("count.end", "400").fromSnapshot(created.id()).build());

        await().atMost(WAIT).until(() -> CountingApp.count(key) == 400);
        assertThat(CountingApp.sum(key)).isEqualTo(400L * 399 / 2);
    }

    @Test
    void adminRequestsTakeASavepointAndStopWithOne() throws Exception {
        Worker w = start(config().setting("count.end", "200").build());
        await().atMost(WAIT).until(() -> CountingApp.count(key) == 200);
        AdminToken token = AdminToken.readFrom(w.appDirectory().resolve(Worker.TOKEN_FILE));
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + w.httpAddress().getPort();

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/savepoint"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> taken = client.send(HttpRequest.newBuilder(URI.create(base
                + "/admin/savepoint?description=before%20upgrade")).header("Authorization", token.bearerHeader())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stopped = client.send(HttpRequest.newBuilder(URI.create(base
                + "/admin/stop?savepoint=true")).header("Authorization", token.bearerHeader())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains("\"savepoint\" : \"sp-").contains("HARD_LINK");
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("\"stopping\" : true").contains("\"savepoint\" : \"sp-");
        assertThat(w.exit().get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(WorkerExit.STOPPED);
        try (SavepointStore savepoints = FsSavepointStore.open(w.appDirectory().resolve("savepoints"))) {
            assertThat(SavepointManager.of(savepoints).list()).hasSize(2)
                    .anyMatch(e -> e.metadata().orElseThrow().description().equals("before upgrade"));
        }
    }

    @Test
    void aWorkerThatCannotListenFailsWithAClearMessage() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> start(config().httpPort(taken.getLocalPort()).build()))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void badConfigurationFailsWithOneClearMessage() {
        assertThatThrownBy(() -> start(WorkerConfig.builder("com.example.Missing", home).httpPort(0).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown app class");
        assertThatThrownBy(() -> start(config().supervision("no_such_strategy").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_strategy");
        assertThatThrownBy(() -> start(config().fromSnapshot("sp-20261203-163512-123-3f9a1c0b").build()))
                .hasMessageContaining("sp-20261203-163512-123-3f9a1c0b");
        assertThatThrownBy(() -> start(config().checkpointDir(URI.create("gopher://x/y")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no store for 'gopher:'");
    }

    @Test
    void storeOptionsReachTheStoresAndAnExplicitCreateDirectoryBeatsTheWorkersOwn() throws Exception {
        assertThatThrownBy(() -> start(config().storeOption("fs.fsink", "false").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot open the checkpoint store file:")
                .hasMessageContaining("unknown filesystem store option 'fs.fsink'");
        assertThatThrownBy(() -> start(config().storeOption("fs.create-directory", "false").build()))
                .hasMessageContaining("does not exist");
        assertThat(home.resolve("apps")).doesNotExist();

        Worker w = start(config().storeOption("fs.fsync", "false").setting("count.end", "10").build());
        await().atMost(WAIT).until(() -> CountingApp.count(key) == 10);
        assertThat(w.checkpoint().get().id()).startsWith("chk-");
    }
}
