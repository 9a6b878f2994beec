package io.sabot.api.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");
    private static final RuntimeException CAUSE = new RuntimeException("bad event");

    @Test
    void carriesTheEventItsCauseAndWhereItFailed() {
        List<DeadLetter> handled = new ArrayList<>();
        DeadLetterHandler handler = handled::add;

        handler.handle(new DeadLetter("detect", "transactions", "tx-1", CAUSE, AT));

        assertThat(handled).singleElement().satisfies(letter -> {
            assertThat(letter.agentId()).isEqualTo("detect");
            assertThat(letter.channel()).isEqualTo("transactions");
            assertThat(letter.event()).isEqualTo("tx-1");
            assertThat(letter.cause()).isSameAs(CAUSE);
            assertThat(letter.at()).isEqualTo(AT);
        });
    }

    @Test
    void everyFieldIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new DeadLetter(null, "c", "e", CAUSE, AT))
                .withMessage("agentId");
        assertThatNullPointerException().isThrownBy(() -> new DeadLetter("a", null, "e", CAUSE, AT))
                .withMessage("channel");
        assertThatNullPointerException().isThrownBy(() -> new DeadLetter("a", "c", null, CAUSE, AT))
                .withMessage("event");
        assertThatNullPointerException().isThrownBy(() -> new DeadLetter("a", "c", "e", null, AT))
                .withMessage("cause");
        assertThatNullPointerException().isThrownBy(() -> new DeadLetter("a", "c", "e", CAUSE, null))
                .withMessage("at");
    }
}
