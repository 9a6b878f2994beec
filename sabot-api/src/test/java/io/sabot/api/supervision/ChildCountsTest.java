package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ChildCountsTest {

    @Test
    void acceptsConsistentCounts() {
        ChildCounts counts = new ChildCounts(5, 3, 1, 4);

        assertThat(counts.specs()).isEqualTo(5);
        assertThat(counts.active()).isEqualTo(3);
        assertThat(counts.supervisors()).isEqualTo(1);
        assertThat(counts.workers()).isEqualTo(4);
    }

    @Test
    void anEmptySupervisorHasAllZeroCounts() {
        assertThat(new ChildCounts(0, 0, 0, 0).specs()).isZero();
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChildCounts(-1, 0, 0, -1))
                .withMessage("child counts must be zero or more");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChildCounts(0, -1, 0, 0))
                .withMessage("child counts must be zero or more");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChildCounts(1, 0, -1, 2))
                .withMessage("child counts must be zero or more");
    }

    @Test
    void supervisorsAndWorkersMustAddUpToSpecs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChildCounts(3, 0, 1, 1))
                .withMessage("supervisors + workers must equal specs");
    }

    @Test
    void activeCannotExceedSpecs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChildCounts(2, 3, 0, 2))
                .withMessage("active children cannot exceed specs");
    }
}
