package io.sabot.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceSampleTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void returnsTheReadingOfAReportedFigure() {
        ResourceSample sample = new ResourceSample("process", AT,
                Map.of(ResourceFigures.PROCESS_THREADS, Reading.of(42)));

        assertThat(sample.reading(ResourceFigures.PROCESS_THREADS)).isEqualTo(Reading.of(42));
    }

    @Test
    void aFigureTheProbeDoesNotReportIsUnavailableAndSaysWhy() {
        ResourceSample sample = new ResourceSample("jvm", AT, Map.of());

        Reading missing = sample.reading(ResourceFigures.JVM_GC_SECONDS);

        assertThat(missing.isAvailable()).isFalse();
        assertThat(missing.unavailableReason()).isEqualTo("probe 'jvm' does not report jvm_gc_seconds");
    }

    @Test
    void readingsAreCopiedAndUnmodifiable() {
        Map<String, Reading> readings = new HashMap<>();
        readings.put(ResourceFigures.SYSTEM_CPUS, Reading.of(2));
        ResourceSample sample = new ResourceSample("system", AT, readings);

        readings.put(ResourceFigures.SYSTEM_CPU_RATIO, Reading.of(0.5));

        assertThat(sample.readings()).containsOnlyKeys(ResourceFigures.SYSTEM_CPUS);
        assertThatThrownBy(() -> sample.readings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theProbeNameMustBeAnIdentifier() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ResourceSample("bad probe", AT, Map.of()))
                .withMessageStartingWith("invalid probe name");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> new ResourceSample("p", null, Map.of()));
        assertThatNullPointerException().isThrownBy(() -> new ResourceSample("p", AT, null));
    }
}
