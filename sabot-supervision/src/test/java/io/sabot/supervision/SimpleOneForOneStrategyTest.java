package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import io.sabot.tck.supervision.SupervisionStrategyCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleOneForOneStrategyTest extends SupervisionStrategyCompatibilityKit {

    @Override
    protected SupervisionStrategy strategy() {
        return new SimpleOneForOneStrategy();
    }

    @Test
    void choosesItsSet() {
        List<ChildSpec> children = children(4);
        assertThat(strategy().name()).isEqualTo("simple_one_for_one");
        assertThat(strategy().dynamicChildren()).isTrue();
        assertThat(strategy()).hasToString("simple_one_for_one");
        assertThat(strategy().childrenToRestart(children.get(1), children)).containsExactly("c1");
    }
}
