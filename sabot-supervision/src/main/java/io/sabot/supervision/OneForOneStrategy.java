package io.sabot.supervision;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.List;

/**
 * Restarts only the child that failed (OTP's {@code one_for_one}); its siblings are untouched.
 *
 * <p>Stateless and thread-safe; registered by the name {@value #NAME}.
 */
public final class OneForOneStrategy implements SupervisionStrategy {

    /** The name this strategy is registered by. */
    public static final String NAME = "one_for_one";

    /** Creates the strategy. */
    public OneForOneStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
        return List.of(failed.id());
    }

    @Override
    public String toString() {
        return NAME;
    }
}
