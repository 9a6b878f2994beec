package io.sabot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.runtime.savepoint.TransferProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerTransferWatchTest {

    private final List<String> heard = new ArrayList<>();
    private final TransferProgress recording = new TransferProgress() {
        @Override
        public void started(String what, long totalBytes, int files) {
            heard.add("started " + what + " " + totalBytes + " " + files);
        }

        @Override
        public void advanced(long bytes) {
            heard.add("+" + bytes);
        }

        @Override
        public void finished(boolean succeeded) {
            heard.add("finished " + succeeded);
        }
    };

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Answers the polls in turn, then releases the request once the last has been read. */
    private static final class ScriptedWorker {
        final List<String> answers;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger polls = new AtomicInteger();

        ScriptedWorker(String... answers) {
            this.answers = List.of(answers);
        }

        JsonNode poll() {
            int n = polls.getAndIncrement();
            if (n >= answers.size() - 1) {
                done.countDown();
            }
            return json(answers.get(Math.min(n, answers.size() - 1)));
        }

        Supplier<String> request(String answer) {
            return () -> {
                try {
                    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return answer;
            };
        }
    }

    @Test
    void reportsTheWorkersTransferAsItAdvancesAndCompletesItWhenTheAnswerComes() {
        ScriptedWorker worker = new ScriptedWorker("{\"active\":false}",
                "{\"active\":true,\"transfer\":7,\"what\":\"savepoint sp-1 from checkpoint chk-2\",\"bytes\":100,"
                        + "\"totalBytes\":1000,\"files\":3}",
                "{\"active\":true,\"transfer\":7,\"what\":\"savepoint sp-1 from checkpoint chk-2\",\"bytes\":600,"
                        + "\"totalBytes\":1000,\"files\":3}");

        String answer = WorkerTransferWatch.run(worker.request("{\"savepoint\":\"sp-1\"}"), worker::poll, recording,
                Duration.ofMillis(1));

        assertThat(answer).isEqualTo("{\"savepoint\":\"sp-1\"}");
        assertThat(heard).startsWith("started savepoint sp-1 from checkpoint chk-2 1000 3", "+100", "+500")
                .endsWith("+400", "finished true");
    }

    @Test
    void aWorkerThatCannotSayLeavesTheBarEmptyAndTheAnswerIntact() {
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch polled = new CountDownLatch(1);
        String answer = WorkerTransferWatch.run(() -> {
            try {
                assertThat(polled.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "ok";
        }, () -> {
            polls.incrementAndGet();
            polled.countDown();
            throw new CliException(ExitCodes.FAILURE, "HTTP 404");
        }, recording, Duration.ofMillis(1));

        assertThat(answer).isEqualTo("ok");
        assertThat(polls).hasValue(1); // one failed poll ends the polling
        assertThat(heard).isEmpty();
    }

    @Test
    void theRequestsErrorComesOutAndTheBarEndsAsFailed() {
        ScriptedWorker worker = new ScriptedWorker("{\"active\":true,\"transfer\":1,\"what\":\"w\",\"bytes\":5,"
                + "\"totalBytes\":10,\"files\":1}");
        Supplier<String> failing = () -> {
            worker.request("").get();
            throw new CliException(ExitCodes.FAILURE, "the worker refused /admin/savepoint (HTTP 500)");
        };
        assertThatThrownBy(() -> WorkerTransferWatch.run(failing, worker::poll, recording, Duration.ofMillis(1)))
                .isInstanceOf(CliException.class).hasMessageContaining("HTTP 500");
        assertThat(heard).containsExactly("started w 10 1", "+5", "finished false");
    }

    @Test
    void withoutABarTheRequestRunsOnTheCallingThreadAndNothingIsPolled() {
        String caller = Thread.currentThread().getName();
        String answer = WorkerTransferWatch.run(() -> Thread.currentThread().getName(), () -> {
            throw new AssertionError("polled");
        }, TransferProgress.NONE, Duration.ofMillis(1));
        assertThat(answer).isEqualTo(caller);
    }
}
