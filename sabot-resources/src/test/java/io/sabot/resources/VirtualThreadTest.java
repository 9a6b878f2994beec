package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.AgentUsage;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** On Java 21+, an agent on a virtual thread reports its CPU and allocation as unavailable, with the reason. */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadTest {

    @Test
    void aVirtualThreadsFiguresAreUnavailableNotZero() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Runnable wait = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        // Thread.startVirtualThread(wait), through reflection so that the code compiles on Java 17.
        Thread virtual = (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, wait);
        try {
            JmxThreadMeter meter = new JmxThreadMeter();
            assertThat(meter.isVirtual(virtual)).isTrue();
            FakeAgent agent = new FakeAgent("virtual", virtual);
            try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder().probes(List.of()).build()) {
                monitor.runPass(() -> List.of(agent));
                monitor.runPass(() -> List.of(agent));
                AgentUsage usage = monitor.agentUsages().get("virtual");
                assertThat(usage.cpuRatio().unavailableReason()).isEqualTo(JmxThreadMeter.VIRTUAL);
                assertThat(usage.allocatedBytes().unavailableReason()).isEqualTo(JmxThreadMeter.VIRTUAL);
            }
        } finally {
            release.countDown();
            virtual.join(10_000);
        }
    }
}
