package io.sabot.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real tool started by a test, its output in a log file, stopped by {@link #close()}. */
final class ExternalProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ExternalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a command.
     *
     * @param command the command line
     * @param workDir its working directory
     * @param log     where its standard output and error go
     * @return the running process
     */
    static ExternalProcess start(List<String> command, Path workDir, Path log) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                            "/dev/null"))).start();
            return new ExternalProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** @return whether the process still runs */
    boolean isAlive() {
        return process.isAlive();
    }

    /** @return the last lines the process printed, for failure messages */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process: politely, then forcibly after 15 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
