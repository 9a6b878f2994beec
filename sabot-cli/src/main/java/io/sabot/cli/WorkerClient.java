package io.sabot.cli;

import io.sabot.runtime.http.AdminToken;
import io.sabot.runtime.worker.Worker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Talks to a running worker through the address and admin token it wrote into its app's directory.
 */
final class WorkerClient {

    private final URI base;
    private final Path appDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WorkerClient(URI base, Path appDir) {
        this.base = base;
        this.appDir = appDir;
    }

    /**
     * Finds the worker of an app, if its address file exists.
     *
     * @param appDir the app's directory under the data directory
     * @return a client, or empty when no worker has written an address there
     */
    static Optional<WorkerClient> find(Path appDir) {
        Path file = appDir.resolve(Worker.ADDRESS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WorkerClient(URI.create(Files.readString(file, StandardCharsets.UTF_8).trim()),
                    appDir));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    URI base() {
        return base;
    }

    /** {@return true if the worker answers its health check} */
    boolean isReachable() {
        try {
            get("/health");
            return true;
        } catch (CliException e) {
            return false;
        }
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /**
     * {@return the worker's savepoint transfer in flight, from {@code /savepoint/progress}}
     * @throws CliException if the worker does not answer or answers something else than JSON
     */
    com.fasterxml.jackson.databind.JsonNode transferStatus() {
        String body = send(HttpRequest.newBuilder(base.resolve("/savepoint/progress")).timeout(Duration.ofSeconds(5))
                .GET().build());
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "the worker at " + base + " sent unreadable progress");
        }
    }

    String post(String pathAndQuery, Duration timeout) {
        AdminToken token;
        try {
            token = AdminToken.readFrom(appDir.resolve(Worker.TOKEN_FILE));
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read the worker's admin token in " + appDir
                    + ": " + e.getMessage());
        }
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout)
                .header("Authorization", token.bearerHeader()).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException(ExitCodes.FAILURE, "no worker answers at " + base + " (address from "
                    + appDir.resolve(Worker.ADDRESS_FILE) + "); is it running?");
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "the worker at " + base + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILURE, "interrupted while waiting for the worker at " + base);
        }
        if (response.statusCode() >= 300 && !request.uri().getPath().startsWith("/health")) {
            throw new CliException(ExitCodes.FAILURE, "the worker at " + base + " refused "
                    + request.uri().getPath() + " (HTTP " + response.statusCode() + "): "
                    + response.body().strip());
        }
        return response.body();
    }
}
