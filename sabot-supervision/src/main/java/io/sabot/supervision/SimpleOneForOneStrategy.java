package io.sabot.supervision;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.List;

/**
 * One child template, children started dynamically with arguments; a failed child is restarted alone, with the arguments it was started with (OTP's {@code simple_one_for_one}).
 *
 * <p>Stateless and thread-safe; registered by the name {@value #NAME}.
 */
public final class SimpleOneForOneStrategy implements SupervisionStrategy {

    /** The name this strategy is registered by. */
    public static final String NAME = "simple_one_for_one";

    /** Creates the strategy. */
    public SimpleOneForOneStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
        return List.of(failed.id());
    }

    /** {@return true: the supervisor starts children dynamically from one template} */
    @Override
    public boolean dynamicChildren() {
        return true;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
