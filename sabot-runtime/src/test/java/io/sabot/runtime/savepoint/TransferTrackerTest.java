package io.sabot.runtime.savepoint;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransferTrackerTest {

    private final TransferTracker tracker = new TransferTracker();

    @Test
    void saysWhatIsInFlightAndHowFarItIsThenNothingOnceItEnds() {
        assertThat(tracker.status()).isEqualTo(Map.of("active", false));

        tracker.started("savepoint sp-x from checkpoint chk-3", 1000, 4);
        tracker.advanced(300);
        tracker.advanced(200);
        assertThat(tracker.status()).containsExactly(Map.entry("active", true), Map.entry("transfer", 1L),
                Map.entry("what", "savepoint sp-x from checkpoint chk-3"), Map.entry("bytes", 500L),
                Map.entry("totalBytes", 1000L), Map.entry("files", 4));

        tracker.advanced(900); // a store that read a file twice never shows more than the total
        assertThat(tracker.status()).containsEntry("bytes", 1000L);

        tracker.finished(true);
        assertThat(tracker.status()).isEqualTo(Map.of("active", false));
    }

    @Test
    void eachTransferHasANewNumberAndStartsFromZero() {
        tracker.started("first", 10, 1);
        tracker.advanced(10);
        tracker.finished(false);
        tracker.started("second", 20, 2);
        assertThat(tracker.status()).containsEntry("transfer", 2L).containsEntry("bytes", 0L)
                .containsEntry("what", "second");
    }
}
