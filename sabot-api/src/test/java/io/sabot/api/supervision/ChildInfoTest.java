package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChildInfoTest {

    @Test
    void holdsWhatASupervisorReportsOfAChild() {
        ChildInfo info = new ChildInfo("w", ChildType.WORKER, ChildState.RUNNING, 2,
                Optional.of(ExitReason.stuck("x")));

        assertThat(info.id()).isEqualTo("w");
        assertThat(info.type()).isEqualTo(ChildType.WORKER);
        assertThat(info.state()).isEqualTo(ChildState.RUNNING);
        assertThat(info.restarts()).isEqualTo(2);
        assertThat(info.lastExit()).contains(ExitReason.stuck("x"));
    }

    @Test
    void aChildThatNeverExitedHasNoLastExit() {
        assertThat(new ChildInfo("w", ChildType.WORKER, ChildState.STARTING, 0, Optional.empty()).lastExit()).isEmpty();
    }

    @Test
    void negativeRestartsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChildInfo("w", ChildType.WORKER, ChildState.RUNNING, -1, Optional.empty()))
                .withMessage("restarts must be zero or more, got -1");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> new ChildInfo(null, ChildType.WORKER, ChildState.RUNNING, 0, Optional.empty()));
        assertThatNullPointerException()
                .isThrownBy(() -> new ChildInfo("w", null, ChildState.RUNNING, 0, Optional.empty()));
        assertThatNullPointerException()
                .isThrownBy(() -> new ChildInfo("w", ChildType.WORKER, null, 0, Optional.empty()));
        assertThatNullPointerException()
                .isThrownBy(() -> new ChildInfo("w", ChildType.WORKER, ChildState.RUNNING, 0, null));
    }
}
