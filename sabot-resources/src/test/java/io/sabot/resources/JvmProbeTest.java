package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import io.sabot.tck.resources.ResourceProbeCompatibilityKit;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmProbeTest extends ResourceProbeCompatibilityKit {

    @Override
    protected ResourceProbe createProbe() {
        return new JvmProbe();
    }

    @Test
    void reportsHeapAndCollections() {
        ResourceSample sample = new JvmProbe().sample();
        assertThat(sample.probe()).isEqualTo("jvm");
        assertThat(sample.reading(ResourceFigures.JVM_HEAP_USED_BYTES).value()).isPositive();
        assertThat(sample.reading(ResourceFigures.JVM_HEAP_MAX_BYTES).value())
                .isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(sample.reading(ResourceFigures.JVM_GC_COLLECTIONS).value()).isGreaterThanOrEqualTo(0);
        assertThat(sample.reading(ResourceFigures.JVM_GC_SECONDS).value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void withoutCollectorsTheGcFiguresAreUnavailable() {
        JvmProbe probe = new JvmProbe(ManagementFactory.getMemoryMXBean(), List.of(), Clock.systemUTC());
        ResourceSample sample = probe.sample();
        assertThat(sample.reading(ResourceFigures.JVM_GC_COLLECTIONS).unavailableReason())
                .contains("collection count");
        assertThat(sample.reading(ResourceFigures.JVM_GC_SECONDS).unavailableReason()).contains("collection time");
    }
}
