package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "sp-20261203-163512-123-3f9a1c0b/_metadata.json", "agents/detect/state.bin",
            "with space/file name.txt", "a+b", "100%", "k=v", "ünïcödé/日本語", "..a/b..", ".hidden/x", "a/.b", "~/x",
            "a:b", "emoji \uD83D\uDE80"})
    void acceptsAwkwardButSafeKeys(String key) {
        assertThat(StoreKeys.requireValid(key)).isSameAs(key);
    }

    @Test
    void acceptsAKeyOfExactlyTheMaximumLength() {
        String key = "k".repeat(StoreKeys.MAX_LENGTH);

        assertThat(StoreKeys.requireValid(key)).isEqualTo(key);
    }

    static Stream<Arguments> invalidKeys() {
        return Stream.of(
                Arguments.of("", "must not be empty"),
                Arguments.of("k".repeat(StoreKeys.MAX_LENGTH + 1), "longer than 512 characters"),
                Arguments.of("/abs/key", "must be relative (no leading '/')"),
                Arguments.of("/", "must be relative (no leading '/')"),
                Arguments.of("dir/", "must not end with '/'"),
                Arguments.of("a//b", "must not contain an empty segment ('//')"),
                Arguments.of(".", "must not contain '.' or '..' segments"),
                Arguments.of("..", "must not contain '.' or '..' segments"),
                Arguments.of("../x", "must not contain '.' or '..' segments"),
                Arguments.of("a/../b", "must not contain '.' or '..' segments"),
                Arguments.of("a/./b", "must not contain '.' or '..' segments"),
                Arguments.of("a/..", "must not contain '.' or '..' segments"),
                Arguments.of("a\\b", "must not contain a backslash"),
                Arguments.of("..\\x", "must not contain a backslash"),
                Arguments.of("a\u0000b", "must not contain control characters"),
                Arguments.of("a\nb", "must not contain control characters"),
                Arguments.of("tab\there", "must not contain control characters"),
                Arguments.of("del\u007f", "must not contain control characters"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidKeys")
    void rejectsUnsafeKeysSayingWhy(String key, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreKeys.requireValid(key))
                .withMessageStartingWith("invalid key '")
                .withMessageEndingWith("': " + problem);
    }

    @Test
    void theErrorMessageEscapesControlCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreKeys.requireValid("a\nb"))
                .withMessage("invalid key 'a\\u000ab': must not contain control characters");
    }

    @Test
    void nullKeysAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> StoreKeys.requireValid(null))
                .withMessage("key must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "checkpoints/", "checkpoints", "checkpoints/chk-1/", "sp-1"})
    void acceptsPrefixesWithOrWithoutATrailingSlashAndTheEmptyPrefix(String prefix) {
        assertThat(StoreKeys.requireValidPrefix(prefix)).isSameAs(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/abs/", "a//", "../", "a/../b/", "back\\slash/"})
    void rejectsUnsafePrefixes(String prefix) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreKeys.requireValidPrefix(prefix))
                .withMessageStartingWith("invalid key");
    }

    @Test
    void nullPrefixesAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> StoreKeys.requireValidPrefix(null))
                .withMessage("prefix must not be null");
    }

    @Test
    void joinPutsSlashesBetweenSegments() {
        assertThat(StoreKeys.join("savepoints", "sp-1", "agents", "detect.bin"))
                .isEqualTo("savepoints/sp-1/agents/detect.bin");
        assertThat(StoreKeys.join("single")).isEqualTo("single");
    }

    @Test
    void joinValidatesTheResult() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreKeys.join("savepoints", "..", "etc"))
                .withMessageContaining("'.' or '..'");
        assertThatIllegalArgumentException().isThrownBy(() -> StoreKeys.join("savepoints", ""))
                .withMessageContaining("must not end with '/'");
    }

    @Provide
    Arbitrary<String> keyLikeStrings() {
        return Arbitraries.strings().withChars("ab./\\ %\u0000\n").ofMaxLength(12);
    }

    @Property
    void anAcceptedKeyCanNeverEscapeItsStore(@ForAll("keyLikeStrings") String key) {
        boolean accepted;
        try {
            StoreKeys.requireValid(key);
            accepted = true;
        } catch (IllegalArgumentException e) {
            accepted = false;
        }

        if (accepted) {
            assertThat(key).doesNotStartWith("/").doesNotEndWith("/").doesNotContain("\\", "//", "\u0000", "\n");
            assertThat(Arrays.asList(key.split("/"))).doesNotContain(".", "..", "");
        }
    }
}
