package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import io.sabot.tck.supervision.SupervisionStrategyCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestForOneStrategyTest extends SupervisionStrategyCompatibilityKit {

    @Override
    protected SupervisionStrategy strategy() {
        return new RestForOneStrategy();
    }

    @Test
    void choosesItsSet() {
        List<ChildSpec> children = children(4);
        assertThat(strategy().name()).isEqualTo("rest_for_one");
        assertThat(strategy().dynamicChildren()).isFalse();
        assertThat(strategy()).hasToString("rest_for_one");
        assertThat(strategy().childrenToRestart(children.get(1), children)).containsExactly("c1", "c2", "c3");
    }
}
