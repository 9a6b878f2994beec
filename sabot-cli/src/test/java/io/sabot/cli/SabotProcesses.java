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
import java.util.Map;
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
     * A process builder for {@code sabot <args>} that sees none of this machine's {@code AWS_*} and {@code SABOT_*}
     * variables (nor instance metadata), only {@code SABOT_HOME} and the given ones.
     *
     * @param home the Sabot home directory
     * @param env  the variables the command gets
     * @param args the command's arguments
     * @return the builder, not started
     */
    static ProcessBuilder isolated(Path home, Map<String, String> env, String... args) {
        ProcessBuilder pb = command(home, args);
        pb.environment().keySet().removeIf(k -> (k.startsWith("AWS_") || k.startsWith("SABOT_"))
                && !k.equals("SABOT_HOME"));
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().putAll(env);
        return pb;
    }

    /** How a command ended: its exit code and what it printed on stdout and stderr. */
    record Finished(int exit, String out, String err) {
    }

    /**
     * Runs a command to its end, within 90 seconds (else it is killed and the test fails).
     *
     * @param pb  the command
     * @param dir where its output files go
     * @return how it ended
     * @throws Exception if it cannot start or does not finish in time
     */
    static Finished finish(ProcessBuilder pb, Path dir) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("sabot " + String.join(" ", pb.command()) + " did not finish in 90 s");
            }
        } finally {
            p.destroyForcibly();
        }
        return new Finished(p.exitValue(), Files.readString(out), Files.readString(err));
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
