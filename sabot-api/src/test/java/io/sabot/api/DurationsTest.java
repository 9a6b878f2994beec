package io.sabot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    private static final String ACCEPTED_FORMS =
            "write seconds (60), a number with a unit (250ms, 60s, 5m, 2h, 1d) or ISO-8601 (PT1M)";

    static Stream<Arguments> acceptedForms() {
        return Stream.of(
                Arguments.of("60", Duration.ofSeconds(60)),
                Arguments.of("0", Duration.ZERO),
                Arguments.of("0.5", Duration.ofMillis(500)),
                Arguments.of("250ms", Duration.ofMillis(250)),
                Arguments.of("60s", Duration.ofSeconds(60)),
                Arguments.of("5m", Duration.ofMinutes(5)),
                Arguments.of("2h", Duration.ofHours(2)),
                Arguments.of("1d", Duration.ofDays(1)),
                Arguments.of("1.5h", Duration.ofMinutes(90)),
                Arguments.of("0.001s", Duration.ofMillis(1)),
                Arguments.of("PT1M", Duration.ofMinutes(1)),
                Arguments.of("pt1m", Duration.ofMinutes(1)),
                Arguments.of("P1DT2H", Duration.ofHours(26)),
                Arguments.of("PT0.25S", Duration.ofMillis(250)),
                Arguments.of("  60s  ", Duration.ofSeconds(60)),
                Arguments.of("\t5m\n", Duration.ofMinutes(5)),
                Arguments.of("10 s", Duration.ofSeconds(10)),
                Arguments.of("250MS", Duration.ofMillis(250)),
                Arguments.of("5M", Duration.ofMinutes(5)));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @MethodSource("acceptedForms")
    void parsesEveryAcceptedForm(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-5s", "-PT1S", "PT-1S", "P-1D", "", "   ", "abc", "5 minutes", "1w", "5mm",
            "1e3", "1.", ".5", "s", "P", "PT", "PTxM", "1,5s", "NaN", "Infinity", "0x10"})
    void rejectsNegativeEmptyAndGarbageWithTheAcceptedFormsInTheMessage(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid duration '")
                .hasMessageEndingWith(ACCEPTED_FORMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999d", "9223372036.854775808", "300000d", "9223372036854775808",
            "P300000D", "PT9999999999999999999H"})
    void rejectsDurationsTooLargeToCountInNanoseconds(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(ACCEPTED_FORMS);
    }

    @Test
    void acceptsTheLargestDurationThatFitsInNanoseconds() {
        assertThat(Durations.parse("9223372036.854775807")).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThat(Durations.parse("106751d")).isEqualTo(Duration.ofDays(106_751));
    }

    @Test
    void keepsLargeMillisecondCountsExact() {
        long millis = 9_000_000_000_001L;

        assertThat(Durations.parse(millis + "ms")).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void roundsFractionsBelowANanosecondToTheNearestNanosecond() {
        assertThat(Durations.parse("0.0000000006s")).isEqualTo(Duration.ofNanos(1));
        assertThat(Durations.parse("0.0000000004s")).isEqualTo(Duration.ZERO);
    }

    @Test
    void errorMessageEscapesControlCharacters() {
        assertThatThrownBy(() -> Durations.parse("5\u0000m"))
                .hasMessageContaining("5\\u0000m");
    }

    @Test
    void nullIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> Durations.parse(null))
                .withMessage("duration must not be null");
        assertThatNullPointerException().isThrownBy(() -> Durations.format(null));
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(Duration.ofMillis(250), "250ms"),
                Arguments.of(Duration.ofSeconds(90), "90s"),
                Arguments.of(Duration.ofMinutes(5), "5m"),
                Arguments.of(Duration.ofMinutes(90), "90m"),
                Arguments.of(Duration.ofHours(2), "2h"),
                Arguments.of(Duration.ofHours(36), "36h"),
                Arguments.of(Duration.ofDays(3), "3d"),
                Arguments.of(Duration.ofMillis(1500), "1500ms"),
                Arguments.of(Duration.ofNanos(1500), "PT0.0000015S"));
    }

    @ParameterizedTest(name = "{0} is written \"{1}\"")
    @MethodSource("formats")
    void formatsInTheLargestExactUnit(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }

    @Test
    void formatsDurationsBeyondTheNanosecondRangeWithoutOverflowing() {
        assertThat(Durations.format(Duration.ofDays(400_000))).isEqualTo("400000d");
        assertThat(Durations.format(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE + "s");
    }

    @Test
    void formatReadsBackSubMillisecondDurationsThroughTheIsoForm() {
        Duration odd = Duration.ofNanos(1_234_567);

        assertThat(Durations.parse(Durations.format(odd))).isEqualTo(odd);
    }

    @Property
    void parseReadsBackWhatFormatWroteForWholeMilliseconds(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 1_000_000) long millis) {
        Duration duration = Duration.ofMillis(millis);

        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }

    @Property
    void parseReadsBackWhatFormatWroteForAnyNanosecondCount(@ForAll @LongRange(min = 0) long nanos) {
        Duration duration = Duration.ofNanos(nanos);

        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
}
