package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SavepointIdTest {

    private static final Instant AT = Instant.parse("2026-12-03T16:35:12.123Z");
    /** Milliseconds of 0000-01-01 and 9999-12-31T23:59:59.999, the years an id can hold. */
    private static final long EARLIEST_MILLIS = -62_167_219_200_000L;
    private static final long LATEST_MILLIS = 253_402_300_799_999L;

    @Test
    void aGeneratedIdHasTheDocumentedForm() {
        assertThat(SavepointId.generate(AT).value()).matches("sp-20261203-163512-123-[0-9a-f]{8}");
    }

    @Test
    void aGeneratedIdParsesBackToAnEqualId() {
        SavepointId id = SavepointId.generate(AT);

        SavepointId parsed = SavepointId.parse(id.value());

        assertThat(parsed).isEqualTo(id).hasSameHashCodeAs(id).hasToString(id.value());
        assertThat(SavepointId.isValid(id.toString())).isTrue();
    }

    @Property
    void everyGeneratedIdParsesBackAndKeepsItsMillisecond(
            @ForAll @LongRange(min = EARLIEST_MILLIS, max = LATEST_MILLIS) long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);

        SavepointId id = SavepointId.parse(SavepointId.generate(at).value());

        assertThat(id.createdAt()).isEqualTo(at);
    }

    @Test
    void createdAtIsTheCreationTimeToTheMillisecond() {
        Instant precise = Instant.parse("2026-12-03T16:35:12.123456789Z");

        assertThat(SavepointId.generate(precise).createdAt()).isEqualTo(precise.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void idsCreatedInLaterMillisecondsSortLater() {
        SavepointId first = SavepointId.generate(AT);
        SavepointId second = SavepointId.generate(AT.plusMillis(1));
        SavepointId muchLater = SavepointId.generate(AT.plus(400, ChronoUnit.DAYS));

        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(muchLater);
        assertThat(first.value()).isLessThan(second.value());
    }

    @Property
    void idsSortByCreationTimeAsPlainStrings(
            @ForAll @LongRange(min = 0, max = LATEST_MILLIS) long a,
            @ForAll @LongRange(min = 0, max = LATEST_MILLIS) long b) {
        net.jqwik.api.Assume.that(a != b);
        SavepointId idA = SavepointId.generate(Instant.ofEpochMilli(a));
        SavepointId idB = SavepointId.generate(Instant.ofEpochMilli(b));

        assertThat(Integer.signum(idA.value().compareTo(idB.value()))).isEqualTo(Long.signum(a - b));
        assertThat(Integer.signum(idA.compareTo(idB))).isEqualTo(Long.signum(a - b));
    }

    @Test
    void idsCreatedInTheSameMillisecondDifferByTheirRandomPart() {
        Set<SavepointId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(SavepointId.generate(AT));
        }

        assertThat(ids).hasSizeGreaterThan(990);
    }

    @Test
    void aTimeOutsideTheYearsAnIdCanHoldIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SavepointId.generate(Instant.ofEpochMilli(LATEST_MILLIS + 1)))
                .withMessageContaining("outside the years 0000 to 9999");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SavepointId.generate(Instant.ofEpochMilli(EARLIEST_MILLIS - 1)))
                .withMessageContaining("outside the years 0000 to 9999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "sp-..", "sp-20261203-163512-123-3F9A1C0B", "sp-20261203-163512-123-3f9a1c0",
            "sp-20261203-163512-123-3f9a1c0b0", "SP-20261203-163512-123-3f9a1c0b", "sp-2026120-163512-123-3f9a1c0b",
            "sp-20261203-163512-123-3f9a1c0b/../x", " sp-20261203-163512-123-3f9a1c0b", "", "1701619200000",
            "sp-20261203-163512-123-3f9a1c0g"})
    void malformedIdsAreRejectedShowingTheExpectedForm(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SavepointId.parse(text))
                .withMessageEndingWith("expected sp-YYYYMMDD-HHMMSS-mmm-xxxxxxxx, as printed by 'sabot savepoint list'");
        assertThat(SavepointId.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sp-20261303-163512-123-3f9a1c0b", "sp-20260231-163512-123-3f9a1c0b",
            "sp-20250229-163512-123-3f9a1c0b", "sp-20261200-163512-123-3f9a1c0b", "sp-20261203-243512-123-3f9a1c0b",
            "sp-20261203-166012-123-3f9a1c0b", "sp-20261203-163560-123-3f9a1c0b"})
    void idsWhoseTimePartIsNotARealInstantAreRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SavepointId.parse(text))
                .withMessage("invalid savepoint id '" + text + "': its time part is not a date");
        assertThat(SavepointId.isValid(text)).isFalse();
    }

    @Test
    void aLeapDayIsARealDate() {
        assertThat(SavepointId.parse("sp-20240229-000000-000-00000000").createdAt())
                .isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void theErrorMessageEscapesControlCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> SavepointId.parse("sp-\n"))
                .withMessageStartingWith("invalid savepoint id 'sp-\\u000a'");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> SavepointId.parse(null))
                .withMessage("savepoint id must not be null");
        assertThatNullPointerException().isThrownBy(() -> SavepointId.generate(null));
        assertThat(SavepointId.isValid(null)).isFalse();
    }

    @Test
    void anIdIsNeverEqualToItsText() {
        SavepointId id = SavepointId.generate(AT);

        assertThat(id).isNotEqualTo(id.value());
    }
}
