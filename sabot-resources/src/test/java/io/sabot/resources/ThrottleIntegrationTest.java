package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A CPU-burning agent with a 20% CPU limit and THROTTLE holds its measured share near the limit. A behaviour
 * test on a loaded machine, so the tolerance is generous.
 */
class ThrottleIntegrationTest {

    @Test
    void aThrottledBurnerHoldsItsShareNearTheLimit() throws Exception {
        ResourceLimit limit = ResourceLimit.of(LimitKind.AGENT_CPU, 0.2, LimitAction.THROTTLE);
        AtomicLong sink = new AtomicLong();
        RunningAgent burner = new RunningAgent("burner", a -> sink.addAndGet(Burn.forNanos(200_000)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder()
                .probes(List.of())
                .config(ResourcesConfig.builder().interval(Duration.ofMillis(200))
                        // Release only after 3 s well below the limit, as the defaults do at a 1 s interval: on a
                        // loaded machine a starved agent can read near 0 for a few short passes.
                        .throttleReleasePasses(15)
                        .limits(ResourceLimits.builder().agent("burner", limit).build()).build())
                .build()) {
            burner.start();
            monitor.start(() -> List.of(burner));
            await().atMost(Duration.ofSeconds(30)).until(() -> burner.pacer.isThrottling());
            assertThat(burner.pacer.maxCpuRatio()).isEqualTo(0.2);

            // Let the pacer settle for a pass, then measure the thread's own CPU over about three seconds.
            long settled = monitor.passes() + 2;
            await().atMost(Duration.ofSeconds(30)).until(() -> monitor.passes() >= settled);
            Thread t = burner.thread().orElseThrow();
            @SuppressWarnings("deprecation")
            long id = t.getId();
            long cpu0 = threads.getThreadCpuTime(id);
            long wall0 = System.nanoTime();
            long target = monitor.passes() + 15;
            await().atMost(Duration.ofSeconds(60)).until(() -> monitor.passes() >= target);
            double share = (threads.getThreadCpuTime(id) - cpu0) / (double) (System.nanoTime() - wall0);

            System.out.printf("throttled share %.3f over %d ms; monitor last read %s%n", share,
                    (System.nanoTime() - wall0) / 1_000_000, monitor.agentUsages().get("burner").cpuRatio());
            assertThat(share).as("measured CPU share of the throttled agent").isBetween(0.08, 0.35);
            assertThat(monitor.inEpisode("burner", limit)).as("still throttled while it keeps burning").isTrue();
            assertThat(monitor.agentUsages().get("burner").cpuRatio().value()).isBetween(0.0, 0.5);
        } finally {
            burner.close();
        }
    }
}
