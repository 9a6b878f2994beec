package io.sabot.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateCodecTest {

    @Test
    void utf8EncodesTextAsUtf8Bytes() {
        assertThat(StateCodec.utf8().encode("é")).containsExactly(0xc3, 0xa9);
    }

    @Property
    void utf8RoundTripsAnyWellFormedText(@ForAll String text) {
        // Lone surrogates are not text and cannot survive UTF-8; every real string does.
        net.jqwik.api.Assume.that(isWellFormed(text));
        StateCodec<String> codec = StateCodec.utf8();

        assertThat(codec.decode(codec.encode(text))).isEqualTo(text);
    }

    @Test
    void utf8RoundTripsTheEmptyStringAndAstralCharacters() {
        StateCodec<String> codec = StateCodec.utf8();

        assertThat(codec.decode(codec.encode(""))).isEmpty();
        assertThat(codec.decode(codec.encode("rocket \uD83D\uDE80"))).isEqualTo("rocket \uD83D\uDE80");
    }

    @Test
    void int64EncodesEightBigEndianBytes() {
        assertThat(StateCodec.int64().encode(0x0102030405060708L)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Property
    void int64RoundTripsEveryLong(@ForAll long value) {
        StateCodec<Long> codec = StateCodec.int64();

        assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
    }

    @Test
    void int64RoundTripsTheExtremes() {
        StateCodec<Long> codec = StateCodec.int64();

        assertThat(codec.decode(codec.encode(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        assertThat(codec.decode(codec.encode(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 9, 16})
    void int64RejectsAnythingButEightBytes(int length) {
        assertThatIllegalArgumentException().isThrownBy(() -> StateCodec.int64().decode(new byte[length]))
                .withMessage("a long is 8 bytes, got " + length);
    }

    @Test
    void valueStateFallsBackToTheDefaultOnlyWhenEmpty() {
        InMemoryValueState<String> state = new InMemoryValueState<>();

        assertThat(state.valueOr("none")).isEqualTo("none");
        state.update("seen");
        assertThat(state.valueOr("none")).isEqualTo("seen");
        state.clear();
        assertThat(state.value()).isNull();
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class InMemoryValueState<T> implements ValueState<T> {
        private T value;

        @Override
        public T value() {
            return value;
        }

        @Override
        public void update(T newValue) {
            value = newValue;
        }

        @Override
        public void clear() {
            value = null;
        }
    }
}
