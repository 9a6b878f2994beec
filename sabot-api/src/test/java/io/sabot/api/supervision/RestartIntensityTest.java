package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartIntensityTest {

    @Test
    void defaultAllowsThreeRestartsInSixtySeconds() {
        assertThat(RestartIntensity.DEFAULT).isEqualTo(RestartIntensity.of(3, Duration.ofSeconds(60)));
    }

    @Test
    void zeroRestartsIsAllowed() {
        assertThat(RestartIntensity.of(0, Duration.ofSeconds(1)).maxRestarts()).isZero();
    }

    @Test
    void negativeIntensityIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RestartIntensity.of(-1, Duration.ofSeconds(5)))
                .withMessage("restart intensity must be zero or more, got -1");
    }

    @Test
    void zeroPeriodIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RestartIntensity.of(3, Duration.ZERO))
                .withMessageContaining("restart period must be positive");
    }

    @Test
    void negativePeriodIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RestartIntensity.of(3, Duration.ofSeconds(-1)))
                .withMessageContaining("restart period must be positive");
    }

    @Test
    void nullPeriodIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> RestartIntensity.of(3, null));
    }
}
