package io.sabot.examples.strategy;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An example custom supervision strategy: restarts the failed child and every child that depends on it, directly or
 * transitively. A child declares what it depends on in its {@value #DEPENDS_ON} attribute, a comma-separated list of
 * sibling ids:
 *
 * <pre>{@code
 * ChildSpec.worker("cache", cacheFactory).attribute(RestartDependentsStrategy.DEPENDS_ON, "db").build()
 * }</pre>
 *
 * <p>Unlike {@code rest_for_one}, which restarts everything started after the failed child, this restarts only the
 * declared dependents, wherever they are in the start order. Unknown ids in the attribute are ignored.
 *
 * <p>Registered by the name {@value #NAME} through {@link RestartDependentsPlugin}. Stateless and thread-safe.
 */
public final class RestartDependentsStrategy implements SupervisionStrategy {

    /** The name this strategy is registered by. */
    public static final String NAME = "restart_dependents";

    /** The child-spec attribute listing the ids a child depends on, comma-separated. */
    public static final String DEPENDS_ON = "depends-on";

    /** Creates the strategy. */
    public RestartDependentsStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
        Set<String> chosen = new HashSet<>();
        chosen.add(failed.id());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ChildSpec child : children) {
                if (!chosen.contains(child.id()) && dependsOnAny(child, chosen)) {
                    chosen.add(child.id());
                    grew = true;
                }
            }
        }
        List<String> ids = new ArrayList<>(chosen.size());
        for (ChildSpec child : children) {
            if (chosen.contains(child.id())) {
                ids.add(child.id());
            }
        }
        if (!ids.contains(failed.id())) {
            ids.add(failed.id());
        }
        return ids;
    }

    private static boolean dependsOnAny(ChildSpec child, Set<String> ids) {
        String declared = child.attributes().get(DEPENDS_ON);
        if (declared == null) {
            return false;
        }
        for (String dependency : declared.split(",")) {
            if (ids.contains(dependency.trim())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
