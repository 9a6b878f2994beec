package io.sabot.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetricsSnapshotTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void seriesCopyTheirLabelValuesAndQuantiles() {
        List<String> labels = new ArrayList<>(List.of("detect"));
        TreeMap<Double, Double> quantiles = new TreeMap<>(Map.of(0.5, 0.002, 0.99, 0.010));
        MetricsSnapshot.Series series = new MetricsSnapshot.Series(labels, 10, 0.03, 0.0, quantiles);

        labels.add("extra");
        quantiles.put(0.999, 1.0);

        assertThat(series.labelValues()).containsExactly("detect");
        assertThat(series.quantiles()).containsOnlyKeys(0.5, 0.99);
        assertThatThrownBy(() -> series.labelValues().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> series.quantiles().put(0.1, 0.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void quantilesAreSortedByQuantile() {
        MetricsSnapshot.Series series = new MetricsSnapshot.Series(List.of(), 3, 0, 0,
                new TreeMap<>(Map.of(0.99, 3.0, 0.5, 1.0, 0.75, 2.0)));

        assertThat(series.quantiles().keySet()).containsExactly(0.5, 0.75, 0.99);
    }

    @Test
    void familiesAndSnapshotsCopyTheirLists() {
        List<MetricsSnapshot.Series> seriesList = new ArrayList<>();
        seriesList.add(new MetricsSnapshot.Series(List.of("c"), 0, 0, 7, new TreeMap<>()));
        MetricsSnapshot.Family family = new MetricsSnapshot.Family(StandardMetrics.CHANNEL_DEPTH, seriesList);
        List<MetricsSnapshot.Family> families = new ArrayList<>(List.of(family));
        MetricsSnapshot snapshot = new MetricsSnapshot(AT, families);

        seriesList.clear();
        families.clear();

        assertThat(snapshot.families()).singleElement()
                .satisfies(f -> assertThat(f.series()).singleElement()
                        .satisfies(s -> assertThat(s.value()).isEqualTo(7)));
        assertThatThrownBy(() -> snapshot.families().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> family.series().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> new MetricsSnapshot(null, List.of()));
        assertThatNullPointerException().isThrownBy(() -> new MetricsSnapshot(AT, null));
        assertThatNullPointerException().isThrownBy(() -> new MetricsSnapshot.Family(null, List.of()));
    }
}
