package io.sabot.resources;

import static io.sabot.api.resources.BackpressureLevel.CRITICAL;
import static io.sabot.api.resources.BackpressureLevel.HIGH;
import static io.sabot.api.resources.BackpressureLevel.LOW;
import static io.sabot.api.resources.BackpressureLevel.MEDIUM;
import static io.sabot.api.resources.BackpressureLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceLimit;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentBackpressureTest {

    private static final List<ResourceLimit> LIMITS = List.of(
            ResourceLimit.of(LimitKind.AGENT_CPU, 0.5, LimitAction.WARN),
            ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 1000, LimitAction.WARN));

    private final AgentBackpressure classifier = new AgentBackpressure(BackpressureThresholds.DEFAULT);

    private static AgentFigures figures(double cpu, long state, double flow) {
        return new AgentFigures("a", Reading.of(cpu), Reading.of(0), 0, Reading.of(state), 0, 10, flow);
    }

    @Test
    void resourceRatioIsTheWorstFigureOverItsLimit() {
        assertThat(AgentBackpressure.resourceRatio(figures(0.25, 900, 0), LIMITS)).isEqualTo(0.9);
        assertThat(AgentBackpressure.resourceRatio(figures(0.45, 100, 0), LIMITS)).isEqualTo(0.9);
        assertThat(AgentBackpressure.resourceRatio(figures(0.45, 100, 0), List.of())).isZero();
    }

    @Test
    void resourceLevelsFollowTheThresholds() {
        assertThat(classifier.level(figures(0.1, 0, 0), LIMITS)).isEqualTo(NONE);
        assertThat(classifier.level(figures(0.25, 0, 0), LIMITS)).isEqualTo(LOW);      // 0.50
        assertThat(classifier.level(figures(0.0, 700, 0), LIMITS)).isEqualTo(MEDIUM);  // 0.70
        assertThat(classifier.level(figures(0.0, 850, 0), LIMITS)).isEqualTo(HIGH);    // 0.85
        assertThat(classifier.level(figures(0.0, 950, 0), LIMITS)).isEqualTo(CRITICAL); // 0.95
        assertThat(classifier.level(figures(0.9, 0, 0), LIMITS)).isEqualTo(CRITICAL);  // 1.8, beyond the limit
    }

    @Test
    void flowLevelsFollowFlinksClassification() {
        assertThat(classifier.level(figures(0, 0, 0.10), List.of())).isEqualTo(NONE);
        assertThat(classifier.level(figures(0, 0, 0.11), List.of())).isEqualTo(LOW);
        assertThat(classifier.level(figures(0, 0, 0.31), List.of())).isEqualTo(MEDIUM);
        assertThat(classifier.level(figures(0, 0, 0.51), List.of())).isEqualTo(HIGH);
        assertThat(classifier.level(figures(0, 0, 1.0), List.of())).isEqualTo(HIGH);
    }

    @Test
    void theLevelIsTheWorseOfResourceAndFlow() {
        assertThat(classifier.level(figures(0.26, 0, 0.6), LIMITS)).isEqualTo(HIGH);      // LOW vs HIGH
        assertThat(classifier.level(figures(0.0, 960, 0.6), LIMITS)).isEqualTo(CRITICAL); // CRITICAL vs HIGH
    }

    @Test
    void unmeasuredFiguresDoNotCount() {
        AgentFigures unknown = new AgentFigures("a", Reading.unavailable("first sample"), Reading.of(0), 0,
                Reading.unavailable("no snapshot yet"), 0, 0, 0.0);
        assertThat(classifier.level(unknown, LIMITS)).isEqualTo(NONE);
    }

    @Test
    void customThresholdsApply() {
        AgentBackpressure strict = new AgentBackpressure(
                new BackpressureThresholds(0.1, 0.2, 0.3, 0.4, 0.01, 0.02, 0.03));
        assertThat(strict.thresholds().resourceLow()).isEqualTo(0.1);
        assertThat(strict.level(figures(0.1, 0, 0), LIMITS)).isEqualTo(MEDIUM); // 0.2
        assertThat(strict.level(figures(0, 0, 0.05), LIMITS)).isEqualTo(HIGH);
    }
}
