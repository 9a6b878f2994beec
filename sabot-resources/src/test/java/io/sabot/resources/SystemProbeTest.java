package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import io.sabot.tck.resources.ResourceProbeCompatibilityKit;
import java.time.Clock;
import oshi.SystemInfo;
import org.junit.jupiter.api.Test;

class SystemProbeTest extends ResourceProbeCompatibilityKit {

    private static final SystemInfo INFO = new SystemInfo();

    @Override
    protected ResourceProbe createProbe() {
        return new SystemProbe(INFO, Clock.systemUTC());
    }

    @Test
    void reportsTheMachine() {
        SystemProbe probe = new SystemProbe();
        ResourceSample first = probe.sample();
        assertThat(first.probe()).isEqualTo("system");
        assertThat(first.reading(ResourceFigures.SYSTEM_CPU_RATIO).unavailableReason()).contains("first");
        assertThat(first.reading(ResourceFigures.SYSTEM_CPUS).value())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        double total = first.reading(ResourceFigures.SYSTEM_MEMORY_TOTAL_BYTES).value();
        assertThat(total).isPositive();
        assertThat(first.reading(ResourceFigures.SYSTEM_MEMORY_AVAILABLE_BYTES).value()).isBetween(0.0, total);
        // Linux reports a load average.
        assertThat(first.reading(ResourceFigures.SYSTEM_LOAD_AVERAGE_1M).value()).isGreaterThanOrEqualTo(0.0);
    }
}
