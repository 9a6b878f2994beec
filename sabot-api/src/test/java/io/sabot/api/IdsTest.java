package io.sabot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "fraud-app", "agent_1", "v1.2.3", "A", "9lives", "x.y_z-0", "UPPER-lower"})
    void acceptsLettersDigitsDotsUnderscoresAndDashesStartingWithALetterOrDigit(String id) {
        assertThat(Ids.requireValid("agent id", id)).isSameAs(id);
        assertThat(Ids.isValid(id)).isTrue();
    }

    @Test
    void acceptsAnIdOfExactlyTheMaximumLength() {
        String longest = "a".repeat(Ids.MAX_LENGTH);

        assertThat(Ids.requireValid("app id", longest)).isEqualTo(longest);
    }

    @Test
    void rejectsAnIdOneCharacterTooLong() {
        assertThatThrownBy(() -> Ids.requireValid("app id", "a".repeat(Ids.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid app id ")
                .hasMessageContaining("longer than 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t"})
    void rejectsBlankIds(String blank) {
        assertThatThrownBy(() -> Ids.requireValid("channel name", blank))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid channel name")
                .hasMessageContaining("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "a/b", "../x", "..\\x", "a\\b", "/etc"})
    void rejectsPathSeparators(String id) {
        assertThatThrownBy(() -> Ids.requireValid("agent id", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid agent id")
                .hasMessageContaining("path separator");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", ".hidden", "-flag", "_under", "a b", "a:b", "é", "a\u0000b", "a\nb", "a*", "a\u007f"})
    void rejectsDotsDashesAtTheStartAndCharactersOutsideTheAllowedSet(String id) {
        assertThatThrownBy(() -> Ids.requireValid("child id", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid child id '")
                .hasMessageContaining("use letters, digits, '.', '_' and '-' only, starting with a letter or digit");
        assertThat(Ids.isValid(id)).isFalse();
    }

    @Test
    void errorMessageEscapesControlCharactersSoALogLineCannotBeForged() {
        assertThatThrownBy(() -> Ids.requireValid("agent id", "evil\nINFO fake line"))
                .hasMessageContaining("evil\\u000aINFO fake line")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void nullIsRejectedWithTheKindInTheMessage() {
        assertThatNullPointerException().isThrownBy(() -> Ids.requireValid("source name", null))
                .withMessage("source name must not be null");
    }

    @Test
    void nullIsNotValid() {
        assertThat(Ids.isValid(null)).isFalse();
    }

    @Test
    void printableEscapesEveryControlCharacterAsAUnicodeEscape() {
        assertThat(Ids.printable("a\u0000b\tc\u001fd\u007fe")).isEqualTo("a\\u0000b\\u0009c\\u001fd\\u007fe");
    }

    @Test
    void printableLeavesOrdinaryTextAlone() {
        assertThat(Ids.printable("plain text, ünïcode ok")).isEqualTo("plain text, ünïcode ok");
    }

    @Test
    void printableTruncatesLongValuesToEightyCharactersAndMarksTheCut() {
        String rendered = Ids.printable("x".repeat(200));

        assertThat(rendered).isEqualTo("x".repeat(80) + "...");
    }

    @Test
    void printableKeepsAValueOfExactlyEightyCharactersWhole() {
        assertThat(Ids.printable("y".repeat(80))).isEqualTo("y".repeat(80));
    }

    @Property
    void anAcceptedIdIsASafeSinglePathSegment(
            @ForAll @StringLength(max = 6) @Chars({'.', '/', '\\', '-', '_', ' ', '\u0000'}) @CharRange(from = 'a', to = 'c')
            String id) {
        if (Ids.isValid(id)) {
            assertThat(id).doesNotContain("/", "\\", " ", "\u0000").isNotIn(".", "..");
            assertThat(id.charAt(0)).isBetween('a', 'c');
        } else {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> Ids.requireValid("id", id));
        }
    }
}
