package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void workersGetFiveSecondsThenAOneSecondInterruptGrace() {
        assertThat(Shutdown.DEFAULT_WORKER.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Shutdown.DEFAULT_WORKER.interruptGrace()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void supervisorsGetAMinuteToStopTheirOwnChildren() {
        assertThat(Shutdown.DEFAULT_SUPERVISOR.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Shutdown.DEFAULT_SUPERVISOR.interruptGrace()).isEqualTo(Shutdown.DEFAULT_INTERRUPT_GRACE);
    }

    @Test
    void immediateInterruptsAtOnce() {
        assertThat(Shutdown.immediate()).isEqualTo(new Shutdown(Duration.ZERO, Duration.ofSeconds(1)));
    }

    @Test
    void timeoutKeepsTheDefaultInterruptGrace() {
        assertThat(Shutdown.timeout(Duration.ofMillis(300)))
                .isEqualTo(new Shutdown(Duration.ofMillis(300), Shutdown.DEFAULT_INTERRUPT_GRACE));
    }

    @Test
    void negativeTimeoutIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Shutdown.timeout(Duration.ofMillis(-1)))
                .withMessageContaining("shutdown timeout must be zero or more");
    }

    @Test
    void zeroOrNegativeInterruptGraceIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Shutdown(Duration.ZERO, Duration.ZERO))
                .withMessageContaining("interrupt grace must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> new Shutdown(Duration.ZERO, Duration.ofSeconds(-1)))
                .withMessageContaining("interrupt grace must be positive");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> Shutdown.timeout(null));
        assertThatNullPointerException().isThrownBy(() -> new Shutdown(Duration.ZERO, null));
    }
}
