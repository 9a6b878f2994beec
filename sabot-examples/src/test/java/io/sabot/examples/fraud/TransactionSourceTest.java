package io.sabot.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.agent.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransactionSourceTest {

    private static List<Transaction> drain(TransactionSource source, int calls) throws Exception {
        List<Transaction> out = new ArrayList<>();
        for (int i = 0; i < calls && source.emitNext(out::add); i++) {
            // keep emitting
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameStream() throws Exception {
        TransactionSource a = new TransactionSource(7, 100, 0, 0, System::nanoTime);
        TransactionSource b = new TransactionSource(7, 100, 0, 0, System::nanoTime);
        a.open(SourcePosition.START);
        b.open(SourcePosition.START);

        assertThat(drain(a, 500)).isEqualTo(drain(b, 500)).hasSize(500);
    }

    @Test
    void aSourceRestoredAtItsPositionEmitsExactlyWhatFollowed() throws Exception {
        TransactionSource original = new TransactionSource(7, 100, 0, 0, System::nanoTime);
        original.open(SourcePosition.START);
        drain(original, 123);
        SourcePosition saved = original.position();
        List<Transaction> rest = drain(original, 50);

        TransactionSource restored = new TransactionSource(7, 100, 0, 0, System::nanoTime);
        restored.open(saved);

        assertThat(saved.offset()).isEqualTo(123);
        assertThat(drain(restored, 50)).isEqualTo(rest);
    }

    @Test
    void theLimitEndsTheSource() throws Exception {
        TransactionSource source = new TransactionSource(1, 10, 0, 5, System::nanoTime);
        source.open(SourcePosition.START);

        assertThat(drain(source, 100)).hasSize(5);
        assertThat(source.emitNext(t -> { })).isFalse();
    }

    @Test
    void theRateHoldsEmissionsBackUntilTheyAreDue() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        TransactionSource source = new TransactionSource(1, 10, 10, 0, now::get);
        source.open(SourcePosition.START);
        List<Transaction> out = new ArrayList<>();

        source.emitNext(out::add);
        now.addAndGet(1_000_000);
        source.emitNext(out::add);
        assertThat(out).hasSize(1);

        now.addAndGet(100_000_000);
        source.emitNext(out::add);
        assertThat(out).hasSize(2);
    }

    @Test
    void largeAmountsAppearAtAboutOneInTwoHundred() {
        long large = 0;
        for (long n = 0; n < 20_000; n++) {
            if (TransactionSource.transaction(42, 500, n).amountCents() > FraudRules.DEFAULT.largeAmountCents()) {
                large++;
            }
        }
        assertThat(large).isBetween(50L, 150L);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new TransactionSource(1, 0, 0, 0, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cards");
        assertThatThrownBy(() -> new FraudDetector(FraudRules.DEFAULT, null, 1.5, () -> 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fault rate");
    }
}
