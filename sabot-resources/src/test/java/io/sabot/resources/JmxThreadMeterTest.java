package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.Reading;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmxThreadMeterTest {

    /** A ThreadMXBean whose answers the test chooses; only java.lang.management, so no allocation figures. */
    private static ThreadMXBean bean(Map<String, Object> answers) {
        return (ThreadMXBean) Proxy.newProxyInstance(ThreadMXBean.class.getClassLoader(),
                new Class<?>[] {ThreadMXBean.class}, (proxy, method, args) -> answers.get(method.getName()));
    }

    @Test
    void measuresTheCurrentThread() {
        JmxThreadMeter meter = new JmxThreadMeter();
        Reading cpu = meter.cpuNanos(Thread.currentThread());
        Reading allocated = meter.allocatedBytes(Thread.currentThread());
        assertThat(cpu.value()).isPositive();
        assertThat(allocated.value()).isPositive();
        assertThat(meter.isVirtual(Thread.currentThread())).isFalse();
    }

    @Test
    void anEndedThreadIsUnavailable() throws InterruptedException {
        Thread t = new Thread(() -> { });
        t.start();
        t.join();
        JmxThreadMeter meter = new JmxThreadMeter(ManagementFactory.getThreadMXBean());
        assertThat(meter.cpuNanos(t).unavailableReason()).isEqualTo(JmxThreadMeter.ENDED);
        assertThat(meter.allocatedBytes(t).unavailableReason()).isEqualTo(JmxThreadMeter.ENDED);
    }

    @Test
    void unsupportedAndDisabledMeasurementsSayWhy() {
        Thread t = Thread.currentThread();
        JmxThreadMeter unsupported = new JmxThreadMeter(bean(Map.of("isThreadCpuTimeSupported", false)));
        assertThat(unsupported.cpuNanos(t).unavailableReason()).contains("does not measure thread CPU time");
        assertThat(unsupported.allocatedBytes(t).unavailableReason()).contains("per-thread allocation");

        JmxThreadMeter disabled = new JmxThreadMeter(bean(Map.of("isThreadCpuTimeSupported", true,
                "isThreadCpuTimeEnabled", false)));
        assertThat(disabled.cpuNanos(t).unavailableReason()).contains("disabled");
    }

    @Test
    void disabledAllocationMeasurementSaysWhy() {
        com.sun.management.ThreadMXBean real = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        boolean was = real.isThreadAllocatedMemoryEnabled();
        try {
            real.setThreadAllocatedMemoryEnabled(false);
            assertThat(new JmxThreadMeter().allocatedBytes(Thread.currentThread()).unavailableReason())
                    .contains("disabled");
        } finally {
            real.setThreadAllocatedMemoryEnabled(was);
        }
    }
}
