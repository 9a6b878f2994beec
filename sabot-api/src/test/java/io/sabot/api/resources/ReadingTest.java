package io.sabot.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTest {

    @Test
    void anAvailableReadingHasItsValue() {
        Reading reading = Reading.of(0.25);

        assertThat(reading.isAvailable()).isTrue();
        assertThat(reading.value()).isEqualTo(0.25);
        assertThat(reading.orElse(-1)).isEqualTo(0.25);
        assertThat(reading.unavailableReason()).isNull();
        assertThat(reading).hasToString("0.25");
    }

    @Test
    void zeroAndNegativeFiguresAreValidReadings() {
        assertThat(Reading.of(0).value()).isZero();
        assertThat(Reading.of(-3.5).value()).isEqualTo(-3.5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteValuesAreRejected(double value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Reading.of(value))
                .withMessage("a reading must be finite, got " + value);
    }

    @Test
    void anUnavailableReadingNeverYieldsAValue() {
        Reading reading = Reading.unavailable("no /proc on this platform");

        assertThat(reading.isAvailable()).isFalse();
        assertThatIllegalStateException().isThrownBy(reading::value)
                .withMessage("figure not available: no /proc on this platform");
        assertThat(reading.orElse(7.0)).isEqualTo(7.0);
        assertThat(reading.unavailableReason()).isEqualTo("no /proc on this platform");
        assertThat(reading).hasToString("unavailable (no /proc on this platform)");
    }

    @Test
    void anUnavailableReadingNeedsANonBlankReason() {
        assertThatNullPointerException().isThrownBy(() -> Reading.unavailable(null));
        assertThatIllegalArgumentException().isThrownBy(() -> Reading.unavailable("  "))
                .withMessage("an unavailable reading needs a reason");
    }

    @Test
    void readingsAreEqualByValueOrByReason() {
        assertThat(Reading.of(1.5)).isEqualTo(Reading.of(1.5)).hasSameHashCodeAs(Reading.of(1.5))
                .isNotEqualTo(Reading.of(1.6));
        assertThat(Reading.unavailable("x")).isEqualTo(Reading.unavailable("x"))
                .hasSameHashCodeAs(Reading.unavailable("x"))
                .isNotEqualTo(Reading.unavailable("y"));
        assertThat(Reading.of(0)).isNotEqualTo(Reading.unavailable("x")).isNotEqualTo(0.0);
    }
}
