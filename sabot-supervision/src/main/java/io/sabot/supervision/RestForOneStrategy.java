package io.sabot.supervision;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts the failed child and every child started after it (OTP's {@code rest_for_one}): later children depend on earlier ones, so they are terminated in reverse start order and started again in start order.
 *
 * <p>Stateless and thread-safe; registered by the name {@value #NAME}.
 */
public final class RestForOneStrategy implements SupervisionStrategy {

    /** The name this strategy is registered by. */
    public static final String NAME = "rest_for_one";

    /** Creates the strategy. */
    public RestForOneStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
        List<String> ids = new ArrayList<>();
        boolean found = false;
        for (ChildSpec c : children) {
            found |= c.id().equals(failed.id());
            if (found) {
                ids.add(c.id());
            }
        }
        if (!found) {
            ids.add(failed.id());
        }
        return ids;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
