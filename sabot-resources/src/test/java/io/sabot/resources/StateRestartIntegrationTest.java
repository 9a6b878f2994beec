package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.MonitoredAgents;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.tck.metrics.RecordingMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** An agent growing its state past its limit with RESTART is restarted; the violation counts once per episode. */
class StateRestartIntegrationTest {

    private static final long LIMIT = 1_000_000;

    @Test
    void growingStateRestartsTheAgentOncePerEpisode() throws Exception {
        AtomicLong target = new AtomicLong(2 * LIMIT);
        AtomicLong[] state = new AtomicLong[1];
        RunningAgent grower = new RunningAgent("grower", a -> {
            if (a.stateBytes.get() < target.get()) {
                a.stateBytes.addAndGet(20_000);
            }
            LockSupport.parkNanos(200_000);
        }, () -> {
            // The restarted agent comes back from an empty checkpoint and waits for the test to let it grow.
            target.set(0);
            state[0].set(0);
        });
        state[0] = grower.stateBytes;
        grower.stateBytes.set(0);
        RecordingMetrics metrics = new RecordingMetrics();
        ResourceLimit limit = ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, LIMIT, LimitAction.RESTART);
        MonitoredAgents agents = () -> List.of(grower);
        try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder().probes(List.of()).metrics(metrics)
                .config(ResourcesConfig.builder().limits(ResourceLimits.builder().agent("grower", limit).build())
                        .build())
                .build()) {
            grower.start();
            Thread first = grower.thread().orElseThrow();
            monitor.runPass(agents);
            assertThat(grower.restartRequests.get()).isZero();

            await().atMost(Duration.ofSeconds(30)).until(() -> grower.stateBytes.get() >= 2 * LIMIT);
            monitor.runPass(agents);
            monitor.runPass(agents);
            await().atMost(Duration.ofSeconds(30)).until(() -> grower.restarts.get() == 1);
            monitor.runPass(agents);
            assertThat(grower.restartRequests.get()).isEqualTo(1);
            assertThat(metrics.count(StandardMetrics.AGENT_LIMIT_VIOLATIONS, "grower", "agent_state_bytes"))
                    .isEqualTo(1);
            assertThat(monitor.inEpisode("grower", limit)).as("state back under the limit ends the episode")
                    .isFalse();
            await().atMost(Duration.ofSeconds(30)).until(() -> grower.thread().isPresent());
            assertThat(grower.thread().orElseThrow()).as("restarted on a new thread").isNotSameAs(first);

            // A second episode: counted and acted on again.
            target.set(3 * LIMIT / 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> grower.stateBytes.get() >= 3 * LIMIT / 2);
            monitor.runPass(agents);
            await().atMost(Duration.ofSeconds(30)).until(() -> grower.restarts.get() == 2);
            assertThat(grower.restartRequests.get()).isEqualTo(2);
            assertThat(metrics.count(StandardMetrics.AGENT_LIMIT_VIOLATIONS, "grower", "agent_state_bytes"))
                    .isEqualTo(2);
        } finally {
            grower.close();
        }
    }
}
