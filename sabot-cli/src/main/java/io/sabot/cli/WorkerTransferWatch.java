package io.sabot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.runtime.savepoint.TransferProgress;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Shows the progress of a savepoint the running worker copies while the command waits for its answer: the request
 * runs on another thread, and this one polls the worker's {@code /savepoint/progress} and feeds what it reads to a
 * {@link TransferProgress} (the progress bar). A worker that cannot say (an older one, or a failed poll) just leaves
 * the bar empty; the command's answer is unaffected.
 */
final class WorkerTransferWatch {

    /** How often the worker is asked. */
    static final Duration POLL = Duration.ofMillis(200);

    private WorkerTransferWatch() {
    }

    /**
     * Runs a request to the worker while reporting the worker's transfer.
     *
     * @param request  the request (for example the POST that makes the savepoint); its answer is returned
     * @param poll     reads the worker's {@code /savepoint/progress}; may throw, which ends the polling
     * @param progress where the transfer is reported
     * @param interval time between polls
     * @return the request's answer
     * @throws CliException whatever the request throws
     */
    static String run(Supplier<String> request, Supplier<JsonNode> poll, TransferProgress progress, Duration interval) {
        if (progress == TransferProgress.NONE) {
            return request.get();
        }
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(request, runnable -> {
            Thread t = new Thread(runnable, "sabot-cli-request");
            t.setDaemon(true);
            t.start();
        });
        long transfer = -1;
        long total = 0;
        long reported = 0;
        boolean polling = true;
        boolean succeeded = false;
        try {
            while (true) {
                try {
                    String body = answer.get(interval.toMillis(), TimeUnit.MILLISECONDS);
                    succeeded = true;
                    if (transfer >= 0 && total > reported) {
                        progress.advanced(total - reported); // the worker finished between two polls
                    }
                    return body;
                } catch (TimeoutException e) {
                    // still waiting: ask the worker how far it is
                }
                if (!polling) {
                    continue;
                }
                JsonNode status;
                try {
                    status = poll.get();
                } catch (RuntimeException e) {
                    polling = false;
                    continue;
                }
                if (!status.path("active").asBoolean(false)) {
                    continue;
                }
                long number = status.path("transfer").asLong();
                if (number != transfer) {
                    if (transfer >= 0) {
                        progress.finished(true);
                    }
                    transfer = number;
                    total = status.path("totalBytes").asLong();
                    reported = 0;
                    progress.started(status.path("what").asText(), total, status.path("files").asInt());
                }
                long bytes = status.path("bytes").asLong();
                if (bytes > reported) {
                    progress.advanced(bytes - reported);
                    reported = bytes;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new CliException(ExitCodes.FAILURE, String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILURE, "interrupted while waiting for the worker");
        } finally {
            if (transfer >= 0) {
                progress.finished(succeeded);
            }
        }
    }
}
