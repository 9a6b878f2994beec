package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.tck.resources.ResourceProbeCompatibilityKit;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ContainerProbeTest extends ResourceProbeCompatibilityKit {

    private static final long GIB = 1L << 30;

    @Override
    protected ResourceProbe createProbe() {
        return new ContainerProbe();
    }

    private static Reading limit(long machine, long jvm) {
        return new ContainerProbe(() -> machine, () -> jvm, Clock.systemUTC()).sample()
                .reading(ResourceFigures.CONTAINER_MEMORY_LIMIT_BYTES);
    }

    @Test
    void aJvmSeeingLessThanTheMachineIsInAContainerWithThatLimit() {
        assertThat(limit(16 * GIB, 2 * GIB).value()).isEqualTo(2.0 * GIB);
    }

    @Test
    void noLimitIsUnavailableWithTheReason() {
        assertThat(limit(16 * GIB, 16 * GIB).unavailableReason()).contains("no container memory limit");
        assertThat(limit(16 * GIB, -1).unavailableReason()).contains("com.sun.management");
        assertThat(limit(0, 2 * GIB).unavailableReason()).contains("machine's memory");
    }

    @Test
    void readsTheJvmsContainerAwareTotal() {
        assertThat(ContainerProbe.jvmTotalMemory(ManagementFactory.getOperatingSystemMXBean()).getAsLong())
                .isPositive();
        assertThat(new ContainerProbe().sample().readings()).containsKey(ResourceFigures.CONTAINER_MEMORY_LIMIT_BYTES);
    }
}
