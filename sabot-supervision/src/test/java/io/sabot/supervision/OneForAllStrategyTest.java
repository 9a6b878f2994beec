package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import io.sabot.tck.supervision.SupervisionStrategyCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneForAllStrategyTest extends SupervisionStrategyCompatibilityKit {

    @Override
    protected SupervisionStrategy strategy() {
        return new OneForAllStrategy();
    }

    @Test
    void choosesItsSet() {
        List<ChildSpec> children = children(4);
        assertThat(strategy().name()).isEqualTo("one_for_all");
        assertThat(strategy().dynamicChildren()).isFalse();
        assertThat(strategy()).hasToString("one_for_all");
        assertThat(strategy().childrenToRestart(children.get(1), children)).containsExactly("c0", "c1", "c2", "c3");
    }
}
