package io.sabot.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.agent.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SequenceSourceTest {

    @Test
    void emitsTheSequenceUpToItsEnd() throws Exception {
        SequenceSource<Long> source = SequenceSource.longs().endBefore(100).batchSize(30).build();
        source.open(SourcePosition.START);
        List<Long> out = new ArrayList<>();
        while (source.emitNext(out::add)) {
            assertThat(source.position().offset()).isEqualTo(out.size());
        }
        assertThat(out).hasSize(100);
        assertThat(out.get(99)).isEqualTo(99L);
        assertThat(source.position()).isEqualTo(SourcePosition.of(100));
    }

    @Test
    void aRestoredSourceEmitsExactlyWhatFollowedItsPosition() throws Exception {
        SequenceSource<String> first = SequenceSource.of(n -> "e" + n).endBefore(50).batchSize(7).build();
        first.open(SourcePosition.START);
        List<String> before = new ArrayList<>();
        first.emitNext(before::add);
        first.emitNext(before::add);
        SourcePosition saved = first.position();
        assertThat(saved.offset()).isEqualTo(14);

        SequenceSource<String> second = SequenceSource.of(n -> "e" + n).endBefore(50).batchSize(7).build();
        second.open(saved);
        List<String> after = new ArrayList<>();
        while (second.emitNext(after::add)) {
            // drain
        }
        before.addAll(after);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("e" + i);
        }
        assertThat(before).isEqualTo(expected);
    }

    @Test
    void holdsItsRateAgainstTheInjectedClock() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        List<Long> sleeps = new ArrayList<>();
        SequenceSource<Long> source = SequenceSource.longs().ratePerSecond(10).batchSize(100)
                .nanoTime(now::get).sleeper(n -> {
                    sleeps.add(n);
                    now.addAndGet(n);
                }).build();
        source.open(SourcePosition.START);
        List<Long> out = new ArrayList<>();
        source.emitNext(out::add);
        assertThat(out).hasSize(1);
        source.emitNext(out::add);
        assertThat(out).hasSize(1);
        assertThat(sleeps).containsExactly(100_000_000L);
        source.emitNext(out::add);
        assertThat(out).hasSize(2);
        now.addAndGet(1_000_000_000L);
        source.emitNext(out::add);
        assertThat(out).hasSize(12);
    }

    @Test
    void pausesAreCappedSoStopRequestsAreNotDelayed() throws Exception {
        AtomicLong now = new AtomicLong();
        List<Long> sleeps = new ArrayList<>();
        SequenceSource<Long> source = SequenceSource.longs().ratePerSecond(0.5)
                .nanoTime(now::get).sleeper(sleeps::add).build();
        source.open(SourcePosition.START);
        source.emitNext(e -> { });
        source.emitNext(e -> { });
        assertThat(sleeps).containsExactly(SequenceSource.MAX_PAUSE_NANOS);
    }

    @Test
    void rejectsBadSettingsAndUse() {
        assertThatThrownBy(() -> SequenceSource.longs().ratePerSecond(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> SequenceSource.longs().endBefore(-1)).hasMessageContaining("zero or more");
        assertThatThrownBy(() -> SequenceSource.longs().batchSize(0)).hasMessageContaining("1 or more");
        SequenceSource<Long> source = SequenceSource.longs().endBefore(5).build();
        assertThatThrownBy(() -> source.emitNext(e -> { })).hasMessageContaining("before open");
        assertThatThrownBy(() -> source.open(SourcePosition.of(6))).hasMessageContaining("past its end 5");
        SequenceSource<Object> nulls = SequenceSource.of(n -> null).build();
        nulls.open(SourcePosition.START);
        assertThatThrownBy(() -> nulls.emitNext(e -> { })).hasMessageContaining("returned null for 0");
    }
}
