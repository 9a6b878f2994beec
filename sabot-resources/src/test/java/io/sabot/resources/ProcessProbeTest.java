package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import io.sabot.tck.resources.ResourceProbeCompatibilityKit;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import oshi.SystemInfo;
import org.junit.jupiter.api.Test;

class ProcessProbeTest extends ResourceProbeCompatibilityKit {

    private static final SystemInfo INFO = new SystemInfo();

    @Override
    protected ResourceProbe createProbe() {
        return new ProcessProbe(INFO, Clock.systemUTC(), System::nanoTime);
    }

    @Test
    void reportsThisProcess() {
        ResourceSample sample = new ProcessProbe().sample();
        assertThat(sample.probe()).isEqualTo("process");
        assertThat(sample.reading(ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES).value()).isPositive();
        assertThat(sample.reading(ResourceFigures.PROCESS_THREADS).value()).isGreaterThanOrEqualTo(1);
        assertThat(sample.readings()).containsKeys(ResourceFigures.PROCESS_OPEN_FILES,
                ResourceFigures.PROCESS_CPU_RATIO);
    }

    @Test
    void cpuRatioNeedsTwoSamplesSpacedInTime() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        ProcessProbe probe = new ProcessProbe(INFO, Clock.systemUTC(), now::get);
        Reading first = probe.sample().reading(ResourceFigures.PROCESS_CPU_RATIO);
        assertThat(first.isAvailable()).isFalse();
        assertThat(first.unavailableReason()).contains("first");
        Reading same = probe.sample().reading(ResourceFigures.PROCESS_CPU_RATIO);
        assertThat(same.unavailableReason()).contains("no time has passed");
        now.addAndGet(1_000_000_000L);
        Reading second = probe.sample().reading(ResourceFigures.PROCESS_CPU_RATIO);
        assertThat(second.isAvailable()).isTrue();
        assertThat(second.value()).isBetween(0.0, 1.0);
    }
}
