package io.sabot.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentUsageTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Reading NONE_YET = Reading.unavailable("first sample");

    @Test
    void holdsOneAgentsFigures() {
        AgentUsage usage = new AgentUsage("detect", AT, Reading.of(0.3), Reading.of(1024), NONE_YET, 12, 0.2,
                BackpressureLevel.LOW);

        assertThat(usage.agentId()).isEqualTo("detect");
        assertThat(usage.cpuRatio().value()).isEqualTo(0.3);
        assertThat(usage.stateBytes().isAvailable()).isFalse();
        assertThat(usage.inputDepth()).isEqualTo(12);
        assertThat(usage.backpressure()).isEqualTo(BackpressureLevel.LOW);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void theBackpressuredRatioIsAShareOfTime(double ratio) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AgentUsage("a", AT, NONE_YET, NONE_YET, NONE_YET, 0, ratio, BackpressureLevel.NONE))
                .withMessage("backpressured ratio must be between 0 and 1, got " + ratio);
    }

    @Test
    void aNegativeInputDepthIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AgentUsage("a", AT, NONE_YET, NONE_YET, NONE_YET, -1, 0, BackpressureLevel.NONE))
                .withMessage("input depth must be zero or more, got -1");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AgentUsage(null, AT, NONE_YET, NONE_YET, NONE_YET, 0, 0, BackpressureLevel.NONE));
        assertThatNullPointerException()
                .isThrownBy(() -> new AgentUsage("a", AT, NONE_YET, NONE_YET, NONE_YET, 0, 0, null));
        assertThatNullPointerException()
                .isThrownBy(() -> new AgentUsage("a", AT, null, NONE_YET, NONE_YET, 0, 0, BackpressureLevel.NONE));
    }
}
