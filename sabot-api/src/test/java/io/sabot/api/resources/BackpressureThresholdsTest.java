package io.sabot.api.resources;

import static io.sabot.api.resources.BackpressureLevel.CRITICAL;
import static io.sabot.api.resources.BackpressureLevel.HIGH;
import static io.sabot.api.resources.BackpressureLevel.LOW;
import static io.sabot.api.resources.BackpressureLevel.MEDIUM;
import static io.sabot.api.resources.BackpressureLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void textFormReadsBothPartsPercentagesAndKeepsDefaultsForAPartLeftOut() {
        assertThat(BackpressureThresholds.parse("resource=0.4/0.6/0.8/0.9,flow=0.05/0.2/0.4"))
                .isEqualTo(new BackpressureThresholds(0.4, 0.6, 0.8, 0.9, 0.05, 0.2, 0.4));
        assertThat(BackpressureThresholds.parse(" flow = 20% / 40% / 60% , resource=40%/60%/80%/90%"))
                .isEqualTo(new BackpressureThresholds(0.4, 0.6, 0.8, 0.9, 0.2, 0.4, 0.6));
        assertThat(BackpressureThresholds.parse("flow=0.2/0.4/0.6"))
                .isEqualTo(new BackpressureThresholds(0.5, 0.7, 0.85, 0.95, 0.2, 0.4, 0.6));
        assertThat(BackpressureThresholds.parse("resource=0.6/0.7/0.8/1.2"))
                .isEqualTo(new BackpressureThresholds(0.6, 0.7, 0.8, 1.2, 0.1, 0.3, 0.5));
    }

    @Test
    void textFormRoundTrips() {
        assertThat(DEFAULT.toText()).isEqualTo("resource=0.5/0.7/0.85/0.95,flow=0.1/0.3/0.5");
        BackpressureThresholds custom = new BackpressureThresholds(0.25, 0.333, 0.9, 2, 0.01, 0.3, 0.75);
        assertThat(BackpressureThresholds.parse(custom.toText())).isEqualTo(custom);
        assertThat(BackpressureThresholds.parse(DEFAULT.toText())).isEqualTo(DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "resource", "cpu=0.1/0.2/0.3", "flow=0.1/0.2", "resource=0.5/0.7/0.85",
            "flow=0.1/0.2/0.3,flow=0.1/0.2/0.3", "flow=a/b/c", "flow=0.1/0.2/", "flow=1d/2d/3d",
            "flow=0.3/0.2/0.1", "flow=0.5/0.7/1.0", "resource=-1/0.7/0.85/0.95", "flow=0.1/0.2/NaN"})
    void malformedTextIsOneClearError(String text) {
        assertThatThrownBy(() -> BackpressureThresholds.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("backpressure thresholds must look like resource=0.5/0.7/0.85/0.95,"
                        + "flow=0.1/0.3/0.5").hasMessageContaining("got '" + text + "'")
                .hasMessageNotContaining("\n");
    }
}
