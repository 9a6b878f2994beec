package io.sabot.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuPacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void unthrottledNeverPauses() {
        CpuPacer pacer = new CpuPacer();
        assertThat(pacer.isThrottling()).isFalse();
        assertThat(pacer.maxCpuRatio()).isEqualTo(1.0);
        assertThat(pacer.pauseAfter(50 * MS)).isZero();
        assertThat(pacer.debtNanos()).isZero();
    }

    @Test
    void pausesSoThatBusyOverBusyPlusPauseIsTheRatio() {
        CpuPacer pacer = new CpuPacer();
        pacer.throttle(0.2);
        long pause = pacer.pauseAfter(10 * MS);
        assertThat(pause).isEqualTo(40 * MS);
        assertThat(10.0 / (10 + pause / (double) MS)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        pacer.throttle(0.5);
        assertThat(pacer.pauseAfter(10 * MS)).isEqualTo(10 * MS);
    }

    @Test
    void smallStepsAccumulateDebtUntilTheMinimumPause() {
        CpuPacer pacer = new CpuPacer();
        pacer.throttle(0.2);
        // 50 µs steps owe 200 µs each: nothing is lost, a 1 ms pause falls due every fifth step.
        long paused = 0;
        int pauses = 0;
        for (int i = 0; i < 100; i++) {
            long p = pacer.pauseAfter(50_000);
            if (p > 0) {
                assertThat(p).isGreaterThanOrEqualTo(pacer.minPauseNanos());
                pauses++;
                paused += p;
            }
        }
        assertThat(pauses).isEqualTo(20);
        assertThat(paused + pacer.debtNanos()).isEqualTo(100 * 200_000L);
    }

    @Test
    void longPausesAreCappedAndTheRestCarried() {
        CpuPacer pacer = new CpuPacer(MS, 100 * MS);
        pacer.throttle(0.25);
        // One second of work at 25% owes three seconds: paid 100 ms at a time.
        assertThat(pacer.pauseAfter(1_000 * MS)).isEqualTo(100 * MS);
        assertThat(pacer.debtNanos()).isEqualTo(2_900 * MS);
        assertThat(pacer.pauseAfter(0)).isEqualTo(100 * MS);
        assertThat(pacer.debtNanos()).isEqualTo(2_800 * MS);
    }

    @Test
    void oversleepingIsCreditedAndUndersleepingOwedWithinOneMaxPause() {
        CpuPacer pacer = new CpuPacer(MS, 10 * MS);
        pacer.throttle(0.5);
        long p = pacer.pauseAfter(2 * MS);
        assertThat(p).isEqualTo(2 * MS);
        pacer.paused(p, 3 * MS);
        assertThat(pacer.debtNanos()).isEqualTo(-MS);
        // The credit absorbs the next small debt.
        assertThat(pacer.pauseAfter(MS)).isZero();
        assertThat(pacer.debtNanos()).isZero();
        // A huge oversleep is credited at most one max pause.
        pacer.paused(MS, 1_000 * MS);
        assertThat(pacer.debtNanos()).isEqualTo(-10 * MS);
        // Undersleeping is owed.
        CpuPacer other = new CpuPacer(MS, 10 * MS);
        other.throttle(0.5);
        long q = other.pauseAfter(4 * MS);
        other.paused(q, MS);
        assertThat(other.debtNanos()).isEqualTo(3 * MS);
    }

    @Test
    void removingTheThrottleForgetsTheDebt() {
        CpuPacer pacer = new CpuPacer();
        pacer.throttle(0.2);
        pacer.pauseAfter(100_000);
        assertThat(pacer.debtNanos()).isPositive();
        pacer.throttle(1.5);
        assertThat(pacer.isThrottling()).isFalse();
        assertThat(pacer.maxCpuRatio()).isEqualTo(1.0);
        assertThat(pacer.pauseAfter(100_000)).isZero();
        pacer.paused(0, 5);
        assertThat(pacer.debtNanos()).isZero();
    }

    @Test
    void negativeBusyCountsAsZeroAndHugeStepsSaturate() {
        CpuPacer pacer = new CpuPacer(0, MS);
        pacer.throttle(0.01);
        assertThat(pacer.pauseAfter(-5)).isZero();
        assertThat(pacer.pauseAfter(Long.MAX_VALUE)).isEqualTo(MS);
        assertThat(pacer.pauseAfter(Long.MAX_VALUE)).isEqualTo(MS);
        assertThat(pacer.debtNanos()).isPositive();
        assertThat(pacer.toString()).contains("0.01");
        assertThat(pacer.maxPauseNanos()).isEqualTo(MS);
    }

    @Test
    void rejectsBadSettings() {
        CpuPacer pacer = new CpuPacer();
        assertThatThrownBy(() -> pacer.throttle(0)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> pacer.throttle(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpuPacer(-1, 5)).hasMessageContaining("min");
        assertThatThrownBy(() -> new CpuPacer(10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpuPacer(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overManyRandomStepsTheDutyCycleIsTheRatio() {
        java.util.Random random = new java.util.Random(42);
        for (int run = 0; run < 50; run++) {
            double ratio = 0.05 + random.nextDouble() * 0.9;
            CpuPacer pacer = new CpuPacer();
            pacer.throttle(ratio);
            long busy = 0;
            long paused = 0;
            for (int i = 0; i < 10_000; i++) {
                long step = random.nextInt(2_000_000); // up to 2 ms
                busy += step;
                long pause = pacer.pauseAfter(step);
                assertThat(pause).isBetween(0L, pacer.maxPauseNanos());
                // The timer oversleeps by up to 100 µs; the pacer credits it.
                long actual = pause == 0 ? 0 : pause + random.nextInt(100_000);
                pacer.paused(pause, actual);
                paused += actual;
            }
            double duty = busy / (double) (busy + paused + Math.max(0, pacer.debtNanos()));
            assertThat(duty).as("duty cycle at ratio %s", ratio).isCloseTo(ratio, org.assertj.core.data.Offset.offset(0.01));
        }
    }
}
