package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.resources.AgentUsage;
import io.sabot.api.resources.MonitoredAgents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-agent figures are the agent's own: a busy and an idle agent in one process differ. */
class BusyVersusIdleTest {

    @Test
    void busyAndIdleAgentsReportDifferentFigures() throws Exception {
        AtomicLong sink = new AtomicLong();
        CountDownLatch never = new CountDownLatch(1);
        RunningAgent busy = new RunningAgent("busy", a -> {
            byte[] garbage = new byte[4096];
            garbage[0] = (byte) Burn.forNanos(200_000);
            sink.addAndGet(garbage[0]);
        });
        RunningAgent idle = new RunningAgent("idle", a -> never.await());
        MonitoredAgents agents = () -> List.of(busy, idle);
        try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder().probes(List.of()).build()) {
            busy.start();
            idle.start();
            monitor.runPass(agents);
            long from = busy.steps.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> busy.steps.get() >= from + 1000);
            monitor.runPass(agents);

            AgentUsage b = monitor.agentUsages().get("busy");
            AgentUsage i = monitor.agentUsages().get("idle");
            assertThat(b.cpuRatio().value()).isGreaterThan(0.02);
            assertThat(i.cpuRatio().value()).isLessThan(0.02);
            assertThat(b.cpuRatio().value()).isGreaterThan(i.cpuRatio().value() * 5);
            assertThat(b.allocatedBytes().value()).isGreaterThan(i.allocatedBytes().value() + 1000 * 4096);
        } finally {
            never.countDown();
            busy.close();
            idle.close();
        }
    }
}
