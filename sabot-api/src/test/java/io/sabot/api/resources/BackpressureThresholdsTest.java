package io.sabot.api.resources;

import static io.sabot.api.resources.BackpressureLevel.CRITICAL;
import static io.sabot.api.resources.BackpressureLevel.HIGH;
import static io.sabot.api.resources.BackpressureLevel.LOW;
import static io.sabot.api.resources.BackpressureLevel.MEDIUM;
import static io.sabot.api.resources.BackpressureLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackpressureThresholdsTest {

    private static final BackpressureThresholds DEFAULT = BackpressureThresholds.DEFAULT;

    @Test
    void defaultsAreTheOriginalResourceThresholdsAndFlinksFlowThresholds() {
        assertThat(DEFAULT).isEqualTo(new BackpressureThresholds(0.50, 0.70, 0.85, 0.95, 0.10, 0.30, 0.50));
    }

    @ParameterizedTest(name = "resource ratio {0} is {1}")
    @CsvSource({
            "0.0, NONE", "0.4999, NONE", "0.50, LOW", "0.6999, LOW", "0.70, MEDIUM", "0.8499, MEDIUM",
            "0.85, HIGH", "0.9499, HIGH", "0.95, CRITICAL", "1.0, CRITICAL", "3.0, CRITICAL"})
    void resourceLevelsStartExactlyAtTheirThresholds(double ratio, BackpressureLevel level) {
        assertThat(DEFAULT.classifyResource(ratio)).isEqualTo(level);
    }

    @ParameterizedTest(name = "flow ratio {0} is {1}")
    @CsvSource({
            "0.0, NONE", "0.10, NONE", "0.1001, LOW", "0.30, LOW", "0.3001, MEDIUM", "0.50, MEDIUM",
            "0.5001, HIGH", "1.0, HIGH"})
    void flowLevelsStartStrictlyAboveTheirThresholds(double ratio, BackpressureLevel level) {
        assertThat(DEFAULT.classifyFlow(ratio)).isEqualTo(level);
    }

    @Test
    void flowAloneNeverReachesCritical() {
        assertThat(DEFAULT.classifyFlow(1.0)).isEqualTo(HIGH);
    }

    @ParameterizedTest(name = "resource {0} and flow {1} is {2}")
    @CsvSource({
            "0.0, 0.0, NONE", "0.96, 0.0, CRITICAL", "0.0, 0.6, HIGH", "0.75, 0.2, MEDIUM", "0.55, 0.4, MEDIUM",
            "0.9, 0.9, HIGH", "0.96, 0.9, CRITICAL"})
    void classifyTakesTheWorseOfResourceAndFlow(double resource, double flow, BackpressureLevel level) {
        assertThat(DEFAULT.classify(resource, flow)).isEqualTo(level);
    }

    @Property
    void classifyIsNeverBetterThanEitherSignal(@ForAll @DoubleRange(min = 0, max = 2) double resource,
                                               @ForAll @DoubleRange(min = 0, max = 1) double flow) {
        BackpressureLevel level = DEFAULT.classify(resource, flow);

        assertThat(level).isGreaterThanOrEqualTo(DEFAULT.classifyResource(resource));
        assertThat(level).isGreaterThanOrEqualTo(DEFAULT.classifyFlow(flow));
        assertThat(level).isIn(DEFAULT.classifyResource(resource), DEFAULT.classifyFlow(flow));
    }

    @Test
    void customThresholdsAreHonoured() {
        BackpressureThresholds strict = new BackpressureThresholds(0.1, 0.2, 0.3, 0.4, 0.01, 0.02, 0.03);

        assertThat(strict.classifyResource(0.35)).isEqualTo(HIGH);
        assertThat(strict.classifyFlow(0.025)).isEqualTo(MEDIUM);
        assertThat(strict.classify(0.15, 0.0)).isEqualTo(LOW);
        assertThat(strict.classify(0.5, 0.0)).isEqualTo(CRITICAL);
        assertThat(strict.classify(0.0, 0.0)).isEqualTo(NONE);
    }

    @Test
    void resourceThresholdsOutOfOrderAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.70, 0.50, 0.85, 0.95, 0.1, 0.3, 0.5))
                .withMessage("resource backpressure thresholds must be positive and strictly increasing, "
                        + "got [0.7, 0.5, 0.85, 0.95]");
    }

    @Test
    void equalThresholdsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.5, 0.5, 0.85, 0.95, 0.1, 0.3, 0.5))
                .withMessageStartingWith("resource backpressure thresholds must be positive and strictly increasing");
    }

    @Test
    void zeroOrNegativeThresholdsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.0, 0.7, 0.85, 0.95, 0.1, 0.3, 0.5))
                .withMessageStartingWith("resource backpressure thresholds");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.5, 0.7, 0.85, 0.95, -0.1, 0.3, 0.5))
                .withMessageStartingWith("flow backpressure thresholds");
    }

    @Test
    void nonFiniteThresholdsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.5, 0.7, 0.85, Double.POSITIVE_INFINITY, 0.1, 0.3, 0.5))
                .withMessageStartingWith("resource backpressure thresholds");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.5, 0.7, 0.85, 0.95, 0.1, Double.NaN, 0.5))
                .withMessageStartingWith("flow backpressure thresholds");
    }

    @Test
    void flowThresholdsOutOfOrderAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.5, 0.7, 0.85, 0.95, 0.3, 0.1, 0.5))
                .withMessage("flow backpressure thresholds must be positive and strictly increasing, "
                        + "got [0.3, 0.1, 0.5]");
    }

    @Test
    void aFlowThresholdOfAllTheTimeIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BackpressureThresholds(0.5, 0.7, 0.85, 0.95, 0.1, 0.3, 1.0))
                .withMessage("flow thresholds are shares of time and must be below 1, got 1.0");
    }

    @Test
    void resourceThresholdsMayExceedOneForLimitsMeantAsSoftTargets() {
        assertThat(new BackpressureThresholds(0.5, 1.0, 1.5, 2.0, 0.1, 0.3, 0.5).classifyResource(1.2))
                .isEqualTo(MEDIUM);
    }
}
