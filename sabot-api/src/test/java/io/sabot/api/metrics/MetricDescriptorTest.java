package io.sabot.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricDescriptorTest {

    @Test
    void holdsNameHelpTypeAndLabels() {
        MetricDescriptor d = MetricDescriptor.of("sabot_jobs_total", "Jobs done.", MetricType.COUNTER, "agent", "kind");

        assertThat(d.name()).isEqualTo("sabot_jobs_total");
        assertThat(d.help()).isEqualTo("Jobs done.");
        assertThat(d.type()).isEqualTo(MetricType.COUNTER);
        assertThat(d.labelNames()).containsExactly("agent", "kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SabotJobs", "sabot-jobs", "sabot jobs", "9lives", "sabot.jobs", "sabot_jobs_Ü", ""})
    void namesMustBeSnakeCase(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricDescriptor.of(name, "help", MetricType.GAUGE))
                .withMessage("metric name '" + name + "' must be snake case ([a-z_][a-z0-9_]*)");
    }

    @Test
    void countersMustEndInTotal() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricDescriptor.of("sabot_jobs", "help", MetricType.COUNTER))
                .withMessage("counter 'sabot_jobs' must end in _total");
    }

    @Test
    void timersMustEndInSeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricDescriptor.of("sabot_latency_ms", "help", MetricType.TIMER))
                .withMessage("timer 'sabot_latency_ms' must end in _seconds");
    }

    @Test
    void gaugesAndHistogramsHaveNoSuffixRule() {
        assertThat(MetricDescriptor.of("sabot_depth", "h", MetricType.GAUGE).name()).isEqualTo("sabot_depth");
        assertThat(MetricDescriptor.of("sabot_size_bytes", "h", MetricType.HISTOGRAM).name())
                .isEqualTo("sabot_size_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "line one\r\nline two", "carriage\rreturn", "", "   "})
    void helpMustBeOneNonBlankLine(String help) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricDescriptor.of("sabot_depth", help, MetricType.GAUGE))
                .withMessage("metric 'sabot_depth': help must be one non-blank line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"le", "quantile", "__name", "__", "Agent", "agent-id", "1st", ""})
    void reservedAndMalformedLabelNamesAreRejected(String label) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricDescriptor.of("sabot_depth", "help", MetricType.GAUGE, label))
                .withMessage("metric 'sabot_depth': invalid label name '" + label + "'");
    }

    @Test
    void aSingleLeadingUnderscoreIsAllowedInLabelNames() {
        assertThat(MetricDescriptor.of("sabot_depth", "h", MetricType.GAUGE, "_shard").labelNames())
                .containsExactly("_shard");
    }

    @Test
    void duplicateLabelNamesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricDescriptor.of("sabot_depth", "help", MetricType.GAUGE, "agent", "agent"))
                .withMessage("metric 'sabot_depth': duplicate label name 'agent'");
    }

    @Test
    void nullPartsAreRejectedNamingTheMetric() {
        assertThatNullPointerException().isThrownBy(() -> MetricDescriptor.of(null, "h", MetricType.GAUGE))
                .withMessage("metric name must not be null");
        assertThatNullPointerException().isThrownBy(() -> MetricDescriptor.of("m", null, MetricType.GAUGE))
                .withMessage("metric 'm': help must not be null");
        assertThatNullPointerException().isThrownBy(() -> MetricDescriptor.of("m", "h", null))
                .withMessage("metric 'm': type must not be null");
        assertThatNullPointerException().isThrownBy(() -> new MetricDescriptor("m", "h", MetricType.GAUGE, null))
                .withMessage("metric 'm': label names must not be null");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatNullPointerException().isThrownBy(() -> new MetricDescriptor("m", "h", MetricType.GAUGE, withNull))
                .withMessage("metric 'm': a label name is null");
    }

    @Test
    void labelNamesAreCopiedAndUnmodifiable() {
        List<String> labels = new ArrayList<>(List.of("agent"));
        MetricDescriptor d = new MetricDescriptor("sabot_depth", "h", MetricType.GAUGE, labels);

        labels.add("channel");

        assertThat(d.labelNames()).containsExactly("agent");
        assertThatThrownBy(() -> d.labelNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checkLabelValuesAcceptsOneValuePerLabel() {
        MetricDescriptor d = MetricDescriptor.of("sabot_depth", "h", MetricType.GAUGE, "agent", "channel");

        d.checkLabelValues("detect", "transactions");
        MetricDescriptor.of("sabot_up", "h", MetricType.GAUGE).checkLabelValues();
    }

    @Test
    void checkLabelValuesRejectsTheWrongNumberOfValues() {
        MetricDescriptor d = MetricDescriptor.of("sabot_depth", "h", MetricType.GAUGE, "agent", "channel");

        assertThatIllegalArgumentException().isThrownBy(() -> d.checkLabelValues("detect"))
                .withMessage("metric 'sabot_depth' has labels [agent, channel] but got 1 values");
        assertThatIllegalArgumentException().isThrownBy(() -> d.checkLabelValues("a", "b", "c"))
                .withMessageContaining("but got 3 values");
    }

    @Test
    void checkLabelValuesRejectsANullValueNamingItsLabel() {
        MetricDescriptor d = MetricDescriptor.of("sabot_depth", "h", MetricType.GAUGE, "agent", "channel");

        assertThatIllegalArgumentException().isThrownBy(() -> d.checkLabelValues("detect", null))
                .withMessage("metric 'sabot_depth': label channel is null");
    }

    @Test
    void labelValuesAreFreeText() {
        MetricDescriptor.of("sabot_errors_total", "h", MetricType.COUNTER, "error_type")
                .checkLabelValues("java.lang.IllegalStateException: \"quoted\" \\ and spaces");
    }
}
