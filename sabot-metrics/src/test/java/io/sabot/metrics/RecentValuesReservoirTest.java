package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Snapshot;
import io.sabot.api.metrics.MetricsSnapshot;
import io.sabot.api.metrics.StandardMetrics;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentValuesReservoirTest {

    private static final double[] QUANTILES = {0.0, 0.001, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1.0};

    @Test
    void keepsTheMostRecentValuesOnly() {
        RecentValuesReservoir reservoir = new RecentValuesReservoir(3);
        assertThat(reservoir.size()).isZero();
        assertThat(reservoir.quantiles(new double[] {0.5})).containsExactly(0.0);
        for (long v = 1; v <= 5; v++) {
            reservoir.update(v);
        }
        assertThat(reservoir.size()).isEqualTo(3);
        assertThat(reservoir.getSnapshot().getValues()).containsExactly(3, 4, 5);
    }

    @Test
    void selectionGivesTheSameQuantilesAsDropwizardsSortedSnapshot() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int size = 1 + random.nextInt(round < 150 ? 40 : 1100);
            RecentValuesReservoir reservoir = new RecentValuesReservoir(size);
            int updates = random.nextInt(2 * size) + 1;
            int spread = 1 + random.nextInt(round % 3 == 0 ? 5 : 1_000_000); // many duplicates in some rounds
            boolean ascending = round % 7 == 0;
            for (int i = 0; i < updates; i++) {
                reservoir.update(ascending ? i : random.nextInt(spread));
            }
            Snapshot sorted = reservoir.getSnapshot();
            double[] selected = reservoir.quantiles(QUANTILES);
            for (int q = 0; q < QUANTILES.length; q++) {
                assertThat(selected[q]).as("q=%s size=%s updates=%s", QUANTILES[q], size, updates)
                        .isCloseTo(sorted.getValue(QUANTILES[q]), within(1e-6));
            }
        }
    }

    @Test
    void rejectsAnEmptySize() {
        assertThatThrownBy(() -> new RecentValuesReservoir(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DropwizardMetrics.builder().reservoirSize(0)).hasMessageContaining("at least 1");
    }

    @Test
    void theFacadeCanUseAnotherReservoirOrSize() {
        DropwizardMetrics decaying = DropwizardMetrics.builder()
                .reservoir(() -> LockFreeExponentiallyDecayingReservoir.builder().build()).build();
        decaying.timer(StandardMetrics.PROCESSING_LATENCY, "a").recordNanos(2_000_000_000L);
        decaying.histogram(StandardMetrics.CHECKPOINT_SIZE).update(10);
        MetricsSnapshot.Series timer = DropwizardMetricsTest.single(decaying.snapshot(),
                StandardMetrics.PROCESSING_LATENCY);
        assertThat(timer.quantiles().get(0.5)).isEqualTo(2.0);
        assertThat(DropwizardMetricsTest.single(decaying.snapshot(), StandardMetrics.CHECKPOINT_SIZE).quantiles()
                .get(0.99)).isEqualTo(10.0);

        DropwizardMetrics small = DropwizardMetrics.builder().reservoirSize(2).build();
        for (long v = 1; v <= 10; v++) {
            small.histogram(StandardMetrics.CHECKPOINT_SIZE).update(v * 100);
        }
        assertThat(small.registry().getHistograms().get("sabot_checkpoint_size_bytes").getSnapshot().getValues())
                .containsExactly(900, 1000);
        assertThatThrownBy(() -> DropwizardMetrics.builder().reservoir(() -> null).build()
                .timer(StandardMetrics.PROCESSING_LATENCY, "x")).hasMessageContaining("returned null");
    }
}
