package io.sabot.tck.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.Ids;
import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ResourceProbe}: extend it, implement {@link #createProbe()}, and JUnit 5 runs
 * every check against your probe.
 *
 * <p>It checks that the name is a valid identifier; that a sample is stamped with a recent time and the probe's
 * name; that figure names are snake case; that figures named {@code *_ratio} lie within 0..1, and figures named
 * {@code *_bytes}, {@code *_seconds} or counts are not negative, whenever they are available; that every unavailable
 * figure carries a reason; that repeated samples report the same figures; and that concurrent sampling from several
 * threads is safe. Override {@link #samplingTimeout()} for a slow probe.
 */
public abstract class ResourceProbeCompatibilityKit {

    /** Creates the kit. */
    protected ResourceProbeCompatibilityKit() {
    }

    /**
     * Creates a fresh probe for one check.
     *
     * @return the probe under test
     */
    protected abstract ResourceProbe createProbe();

    /** {@return how long the concurrent check may take; default 30 seconds} */
    protected Duration samplingTimeout() {
        return Duration.ofSeconds(30);
    }

    /** The probe's name is a valid identifier and stable. */
    @Test
    public void nameIsAValidIdentifier() {
        ResourceProbe probe = createProbe();
        assertThat(Ids.isValid(probe.name())).as("probe name '%s' is a valid identifier", probe.name()).isTrue();
        assertThat(probe.name()).isEqualTo(probe.name());
    }

    /** A sample names its probe and carries a recent timestamp. */
    @Test
    public void sampleIsStampedAndNamed() {
        ResourceProbe probe = createProbe();
        Instant before = Instant.now().minusSeconds(60);
        ResourceSample sample = probe.sample();
        assertThat(sample).isNotNull();
        assertThat(sample.probe()).isEqualTo(probe.name());
        assertThat(sample.at()).isAfter(before).isBefore(Instant.now().plusSeconds(60));
        assertThat(sample.readings()).as("a probe reports at least one figure").isNotEmpty();
    }

    /** Figure names follow the snake-case, unit-suffix convention. */
    @Test
    public void figureNamesAreSnakeCase() {
        for (String name : createProbe().sample().readings().keySet()) {
            assertThat(name).as("figure name").matches("[a-z][a-z0-9_]*");
        }
    }

    /** Available figures are within their unit's range; unavailable ones say why. */
    @Test
    public void figuresAreInRangeOrExplained() {
        ResourceProbe probe = createProbe();
        // Two samples, so that ratios measured between samples have a chance to be available.
        probe.sample();
        checkRanges(probe.sample());
    }

    /** Repeated samples report the same set of figures. */
    @Test
    public void repeatedSamplesReportTheSameFigures() {
        ResourceProbe probe = createProbe();
        ResourceSample first = probe.sample();
        for (int i = 0; i < 20; i++) {
            ResourceSample next = probe.sample();
            assertThat(next.readings().keySet()).isEqualTo(first.readings().keySet());
            checkRanges(next);
        }
    }

    /**
     * Several threads may sample one probe at once.
     *
     * @throws Exception if a sampling thread fails
     */
    @Test
    public void concurrentSamplingIsSafe() throws Exception {
        ResourceProbe probe = createProbe();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ResourceSample>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<List<ResourceSample>> task = () -> {
                    List<ResourceSample> taken = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        taken.add(probe.sample());
                    }
                    return taken;
                };
                futures.add(pool.submit(task));
            }
            for (Future<List<ResourceSample>> f : futures) {
                for (ResourceSample s : f.get(samplingTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    assertThat(s.probe()).isEqualTo(probe.name());
                    checkRanges(s);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Checks the figures of one sample.
     *
     * @param sample the sample
     */
    protected void checkRanges(ResourceSample sample) {
        for (Map.Entry<String, Reading> e : sample.readings().entrySet()) {
            String name = e.getKey();
            Reading reading = e.getValue();
            assertThat(reading).as("reading of %s", name).isNotNull();
            if (!reading.isAvailable()) {
                assertThat(reading.unavailableReason()).as("reason %s is unavailable", name).isNotBlank();
                continue;
            }
            double value = reading.value();
            if (name.endsWith("_ratio")) {
                assertThat(value).as("%s is a ratio", name).isBetween(0.0, 1.0);
            } else if (name.endsWith("_bytes") || name.endsWith("_seconds") || isCount(name)) {
                assertThat(value).as("%s is not negative", name).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    private static boolean isCount(String name) {
        return name.endsWith("_threads") || name.endsWith("_files") || name.endsWith("_cpus")
                || name.endsWith("_collections") || name.endsWith("_total") || name.contains("load_average");
    }
}
