package io.sabot.cli;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code sabot} command as a separate JVM process, the way a user runs it, for the end-to-end tests. */
final class SabotProcesses {

    /** How long a worker may take to become ready on a busy machine. */
    static final Duration WAIT = Duration.ofSeconds(90);

    private SabotProcesses() {
    }

    /**
     * A process builder for {@code sabot <args>} on this test's class path, with {@code SABOT_HOME} set.
     *
     * @param home the Sabot home directory
     * @param args the command's arguments
     * @return the builder, not started
     */
    static ProcessBuilder command(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SABOT_HOME", home.toString());
        return pb;
    }

    /**
     * Waits until the app's worker has written its address and answers {@code /health/ready} with 200.
     *
     * @param appDir the app's directory in the Sabot home ({@code $SABOT_HOME/apps/<app>})
     * @return the worker's base address, as written in {@code worker.address}
     */
    static URI awaitReady(Path appDir) {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(WAIT).ignoreExceptions().until(() -> client.send(HttpRequest.newBuilder(
                URI.create(address(appDir) + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return address(appDir);
    }

    private static URI address(Path appDir) {
        try {
            return URI.create(Files.readString(appDir.resolve("worker.address")).trim());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Stops a process: politely (SIGTERM), then forcibly if it has not exited within 30 seconds.
     *
     * @param process the process, or null when it was never started
     * @throws InterruptedException if interrupted while waiting
     */
    static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
