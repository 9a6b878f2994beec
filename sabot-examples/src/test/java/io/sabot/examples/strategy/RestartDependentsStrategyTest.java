package io.sabot.examples.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import io.sabot.tck.supervision.SupervisionStrategyCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example strategy passes the compatibility kit, with sample children that declare dependencies. */
class RestartDependentsStrategyTest extends SupervisionStrategyCompatibilityKit {

    private static final Child IDLE = () -> { };

    @Override
    protected SupervisionStrategy strategy() {
        return new RestartDependentsStrategy();
    }

    /** Every third child depends on the one before it and on c0; the others declare nothing. */
    @Override
    protected ChildSpec child(String id, int index, int count) {
        ChildSpec.Builder b = ChildSpec.worker(id, args -> IDLE);
        if (index % 3 == 2) {
            b.attribute(RestartDependentsStrategy.DEPENDS_ON, "c" + (index - 1) + ", c0, unknown");
        }
        return b.build();
    }

    private static ChildSpec spec(String id, String dependsOn) {
        ChildSpec.Builder b = ChildSpec.worker(id, args -> IDLE);
        if (dependsOn != null) {
            b.attribute(RestartDependentsStrategy.DEPENDS_ON, dependsOn);
        }
        return b.build();
    }

    @Test
    void restartsTransitiveDependentsInStartOrderAndNothingElse() {
        List<ChildSpec> children = List.of(spec("api", "cache"), spec("db", null), spec("metrics", null),
                spec("cache", "db"), spec("report", "api,metrics"));
        assertThat(strategy().childrenToRestart(children.get(1), children))
                .containsExactly("api", "db", "cache", "report");
        assertThat(strategy().childrenToRestart(children.get(2), children)).containsExactly("metrics", "report");
        assertThat(strategy().childrenToRestart(children.get(4), children)).containsExactly("report");
    }

    @Test
    void toleratesCycles() {
        List<ChildSpec> children = List.of(spec("a", "b"), spec("b", "a"), spec("c", null));
        assertThat(strategy().childrenToRestart(children.get(0), children)).containsExactly("a", "b");
    }
}
