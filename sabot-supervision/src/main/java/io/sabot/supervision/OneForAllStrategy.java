package io.sabot.supervision;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts every child when one fails (OTP's {@code one_for_all}): the others are terminated in reverse start order, then all are started again in start order. Use it for children that cannot work without each other.
 *
 * <p>Stateless and thread-safe; registered by the name {@value #NAME}.
 */
public final class OneForAllStrategy implements SupervisionStrategy {

    /** The name this strategy is registered by. */
    public static final String NAME = "one_for_all";

    /** Creates the strategy. */
    public OneForAllStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
        List<String> ids = new ArrayList<>(children.size());
        for (ChildSpec c : children) {
            ids.add(c.id());
        }
        return ids;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
