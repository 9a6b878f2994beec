package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ExitReasonTest {

    @Test
    void normalIsNotAbnormalAndHasNoCause() {
        ExitReason normal = ExitReason.normal();

        assertThat(normal.kind()).isEqualTo(ExitReason.Kind.NORMAL);
        assertThat(normal.isAbnormal()).isFalse();
        assertThat(normal.cause()).isEmpty();
        assertThat(normal.description()).isEqualTo("normal");
        assertThat(normal).hasToString("normal");
    }

    @Test
    void shutdownIsNotAbnormalAndHasNoCause() {
        ExitReason shutdown = ExitReason.shutdown();

        assertThat(shutdown.kind()).isEqualTo(ExitReason.Kind.SHUTDOWN);
        assertThat(shutdown.isAbnormal()).isFalse();
        assertThat(shutdown.cause()).isEmpty();
        assertThat(shutdown).hasToString("shutdown");
    }

    @Test
    void failureKeepsItsCauseAndDescribesItByClassAndMessage() {
        IOException cause = new IOException("disk full");
        ExitReason failure = ExitReason.failure(cause);

        assertThat(failure.kind()).isEqualTo(ExitReason.Kind.FAILURE);
        assertThat(failure.isAbnormal()).isTrue();
        assertThat(failure.cause()).containsSame(cause);
        assertThat(failure.description()).isEqualTo("failure: IOException: disk full");
    }

    @Test
    void failureWithoutAMessageIsDescribedByItsClassAlone() {
        assertThat(ExitReason.failure(new IllegalStateException()).description())
                .isEqualTo("failure: IllegalStateException");
    }

    @Test
    void stuckIsAbnormalAndCarriesItsDetail() {
        ExitReason stuck = ExitReason.stuck("did not stop within 6s");

        assertThat(stuck.kind()).isEqualTo(ExitReason.Kind.STUCK);
        assertThat(stuck.isAbnormal()).isTrue();
        assertThat(stuck.cause()).isEmpty();
        assertThat(stuck).hasToString("stuck: did not stop within 6s");
    }

    @Test
    void reasonsAreEqualByKindCauseAndDescription() {
        RuntimeException cause = new RuntimeException("x");

        assertThat(ExitReason.failure(cause)).isEqualTo(ExitReason.failure(cause))
                .hasSameHashCodeAs(ExitReason.failure(cause));
        assertThat(ExitReason.failure(cause)).isNotEqualTo(ExitReason.failure(new RuntimeException("x")));
        assertThat(ExitReason.stuck("a")).isEqualTo(ExitReason.stuck("a")).isNotEqualTo(ExitReason.stuck("b"));
        assertThat(ExitReason.normal()).isEqualTo(ExitReason.normal()).isNotEqualTo(ExitReason.shutdown());
        assertThat(ExitReason.normal()).isNotEqualTo("normal");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> ExitReason.failure(null));
        assertThatNullPointerException().isThrownBy(() -> ExitReason.stuck(null));
    }
}
