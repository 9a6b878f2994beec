package io.sabot.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceLimitTest {

    @Test
    void aCpuLimitIsARatioOfOneCore() {
        ResourceLimit limit = ResourceLimit.of(LimitKind.AGENT_CPU, 0.2, LimitAction.THROTTLE);

        assertThat(limit.kind()).isEqualTo(LimitKind.AGENT_CPU);
        assertThat(limit.threshold()).isEqualTo(0.2);
        assertThat(limit.action()).isEqualTo(LimitAction.THROTTLE);
    }

    @Test
    void aRatioOfExactlyOneIsAccepted() {
        assertThat(ResourceLimit.of(LimitKind.WORKER_CPU, 1.0, LimitAction.WARN).threshold()).isEqualTo(1.0);
    }

    @Test
    void aRatioAboveOneIsRejectedWithAHintToWritePercentagesAsFractions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResourceLimit.of(LimitKind.AGENT_CPU, 20, LimitAction.WARN))
                .withMessageContaining("AGENT_CPU limit is a ratio (ratio of one core) and must be at most 1")
                .withMessageEndingWith("; write 20% as 0.2");
    }

    @Test
    void byteLimitsMayBeFarAboveOne() {
        ResourceLimit limit = ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 64e6, LimitAction.RESTART);

        assertThat(limit.threshold()).isEqualTo(64e6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void aThresholdThatIsNotAPositiveFiniteNumberIsRejected(double threshold) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResourceLimit.of(LimitKind.WORKER_MEMORY_BYTES, threshold, LimitAction.WARN))
                .withMessage("WORKER_MEMORY_BYTES limit must be positive, got " + threshold);
    }

    @Test
    void anActionTheKindDoesNotAllowIsRejectedListingTheAllowedOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResourceLimit.of(LimitKind.AGENT_INPUT_DEPTH, 1000, LimitAction.THROTTLE))
                .withMessage("THROTTLE is not an action for AGENT_INPUT_DEPTH; use one of [WARN]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResourceLimit.of(LimitKind.WORKER_HEAP_BYTES, 1e9, LimitAction.RESTART))
                .withMessage("RESTART is not an action for WORKER_HEAP_BYTES; use one of [WARN, STOP]");
    }

    @ParameterizedTest
    @EnumSource(LimitKind.class)
    void everyKindAcceptsWarn(LimitKind kind) {
        assertThat(ResourceLimit.of(kind, 0.5, LimitAction.WARN).action()).isEqualTo(LimitAction.WARN);
    }

    @Test
    void nullKindOrActionIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> ResourceLimit.of(null, 1, LimitAction.WARN))
                .withMessage("limit kind must not be null");
        assertThatNullPointerException().isThrownBy(() -> ResourceLimit.of(LimitKind.AGENT_CPU, 0.5, null))
                .withMessage("limit action must not be null");
    }

    @Test
    void ratioIsTheFigureOverTheThreshold() {
        ResourceLimit limit = ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 200, LimitAction.WARN);

        assertThat(limit.ratio(50)).isEqualTo(0.25);
        assertThat(limit.ratio(300)).isEqualTo(1.5);
    }

    @Test
    void aLimitIsExceededOnlyStrictlyAboveItsThreshold() {
        ResourceLimit limit = ResourceLimit.of(LimitKind.AGENT_CPU, 0.5, LimitAction.WARN);

        assertThat(limit.isExceededBy(0.5)).isFalse();
        assertThat(limit.isExceededBy(0.5000001)).isTrue();
        assertThat(limit.isExceededBy(0.1)).isFalse();
    }
}
