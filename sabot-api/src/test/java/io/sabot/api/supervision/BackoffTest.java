package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void noneNeverDelays() {
        assertThat(Backoff.NONE.isNone()).isTrue();
        assertThat(Backoff.NONE.baseDelay(1)).isZero();
        assertThat(Backoff.NONE.baseDelay(50)).isZero();
        assertThat(Backoff.NONE.delay(7, 0.99)).isZero();
    }

    @Test
    void exponentialHasTwentyPercentJitterAndResetsAfterMax() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10));

        assertThat(backoff.jitter()).isEqualTo(0.2);
        assertThat(backoff.resetAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.isNone()).isFalse();
    }

    @Test
    void exponentialWithZeroMaxIsNoneAndResetsAfterOneSecond() {
        Backoff backoff = Backoff.exponential(Duration.ZERO, Duration.ZERO);

        assertThat(backoff.isNone()).isTrue();
        assertThat(backoff.resetAfter()).isEqualTo(ONE_SECOND);
    }

    @Test
    void baseDelayDoublesFromMinForEachConsecutiveRestart() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10));

        assertThat(backoff.baseDelay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.baseDelay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.baseDelay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.baseDelay(4)).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void baseDelayIsCappedAtMax() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(backoff.baseDelay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.baseDelay(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.baseDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aZeroMinStartsAtZeroThenGrowsFromOneMillisecond() {
        Backoff backoff = new Backoff(Duration.ZERO, ONE_SECOND, 0.0, ONE_SECOND);

        assertThat(backoff.baseDelay(1)).isZero();
        assertThat(backoff.baseDelay(2)).isEqualTo(Duration.ofMillis(1));
        assertThat(backoff.baseDelay(3)).isEqualTo(Duration.ofMillis(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void attemptsCountFromOne(int attempt) {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(1), ONE_SECOND);

        assertThatIllegalArgumentException().isThrownBy(() -> backoff.baseDelay(attempt))
                .withMessage("attempt must be 1 or more, got " + attempt);
    }

    @Test
    void withoutJitterTheDelayIsTheBaseDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), ONE_SECOND, 0.0, ONE_SECOND);

        assertThat(backoff.delay(2, 0.999)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void jitterAddsItsShareOfTheBaseDelayScaledByTheRandomDraw() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), ONE_SECOND, 0.5, ONE_SECOND);

        assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(125));
    }

    @Property
    void delayStaysBetweenBaseAndBaseTimesOnePlusJitter(
            @ForAll @IntRange(min = 1, max = 100) int attempt,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double jitter) {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(30), jitter, ONE_SECOND);
        Duration base = backoff.baseDelay(attempt);

        Duration delay = backoff.delay(attempt, random);

        assertThat(delay).isBetween(base, base.plusNanos((long) Math.ceil(base.toNanos() * jitter)));
        assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(30).multipliedBy(2));
    }

    @Test
    void negativeMinIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ofMillis(-1), ONE_SECOND, 0, ONE_SECOND))
                .withMessageContaining("backoff min must be zero or more");
    }

    @Test
    void maxBelowMinIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), ONE_SECOND))
                .withMessageContaining("must not be less than min");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void jitterOutsideZeroToOneIsRejected(double jitter) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ZERO, ONE_SECOND, jitter, ONE_SECOND))
                .withMessageContaining("backoff jitter must be between 0 and 1");
    }

    @Test
    void jitterOfExactlyZeroAndOneIsAccepted() {
        assertThat(new Backoff(Duration.ZERO, ONE_SECOND, 0.0, ONE_SECOND).jitter()).isZero();
        assertThat(new Backoff(Duration.ZERO, ONE_SECOND, 1.0, ONE_SECOND).jitter()).isEqualTo(1.0);
    }

    @Test
    void resetAfterMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ZERO, ONE_SECOND, 0, Duration.ZERO))
                .withMessageContaining("backoff resetAfter must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ZERO, ONE_SECOND, 0, Duration.ofSeconds(-1)))
                .withMessageContaining("backoff resetAfter must be positive");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> new Backoff(null, ONE_SECOND, 0, ONE_SECOND));
        assertThatNullPointerException().isThrownBy(() -> new Backoff(Duration.ZERO, null, 0, ONE_SECOND));
        assertThatNullPointerException().isThrownBy(() -> new Backoff(Duration.ZERO, ONE_SECOND, 0, null));
    }
}
