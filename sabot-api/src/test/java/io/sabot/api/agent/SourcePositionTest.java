package io.sabot.api.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcePositionTest {

    @Test
    void startIsOffsetZeroWithoutAttributes() {
        assertThat(SourcePosition.START.offset()).isZero();
        assertThat(SourcePosition.START.attributes()).isEmpty();
        assertThat(SourcePosition.of(0)).isEqualTo(SourcePosition.START);
    }

    @Test
    void ofHoldsAnOffsetOnly() {
        assertThat(SourcePosition.of(42)).isEqualTo(new SourcePosition(42, Map.of()));
    }

    @Test
    void aNegativeOffsetIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SourcePosition.of(-1))
                .withMessage("source offset must be zero or more, got -1");
    }

    @Test
    void attributesAreCopiedAndUnmodifiable() {
        Map<String, String> attributes = new HashMap<>(Map.of("file", "/data/in.txt"));
        SourcePosition position = new SourcePosition(10, attributes);

        attributes.put("inode", "7");

        assertThat(position.attributes()).containsOnlyKeys("file");
        assertThatThrownBy(() -> position.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullAttributesAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> new SourcePosition(0, null));
    }

    @Test
    void sourcesCloseQuietlyByDefault() throws Exception {
        Source<Long> counter = new Source<>() {
            private long next;

            @Override
            public void open(SourcePosition position) {
                next = position.offset();
            }

            @Override
            public boolean emitNext(SourceOutput<Long> out) throws InterruptedException {
                out.emit(next++);
                return true;
            }

            @Override
            public SourcePosition position() {
                return SourcePosition.of(next);
            }
        };
        java.util.List<Long> emitted = new java.util.ArrayList<>();

        counter.open(SourcePosition.of(5));
        counter.emitNext(emitted::add);
        counter.close();

        assertThat(emitted).containsExactly(5L);
        assertThat(counter.position()).isEqualTo(SourcePosition.of(6));
    }
}
