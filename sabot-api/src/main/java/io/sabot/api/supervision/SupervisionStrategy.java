package io.sabot.api.supervision;

import java.util.List;

/**
 * Decides which children restart when one of them exits and must be restarted: the strategy SPI.
 *
 * <p>The supervisor calls {@link #childrenToRestart(ChildSpec, List)} only after the failed child's
 * {@link RestartPolicy} said it must restart. The supervisor then terminates the named siblings that are still running
 * (in reverse start order), and starts every named child again in start order. Built-in strategies are registered as
 * {@code one_for_one}, {@code one_for_all}, {@code rest_for_one} and {@code simple_one_for_one}; a plugin adds its
 * own by implementing this interface and registering it by {@link #name()} (see the supervision guide).
 *
 * <p>Thread-safety: implementations must be stateless or thread-safe; one instance may serve many supervisors.
 */
public interface SupervisionStrategy {

    /**
     * The name users select the strategy by, for example {@code --supervision rest_for_one}. Lower-case letters,
     * digits and underscores.
     *
     * @return the strategy's name
     */
    String name();

    /**
     * Names the children to restart.
     *
     * @param failed   the spec of the child that exited and must restart
     * @param children the specs of all the supervisor's children, in start order; includes {@code failed}
     * @return the ids to restart, in start order; must include {@code failed}'s id and only ids of {@code children}
     */
    List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children);

    /**
     * Tells whether the supervisor holds one child template and starts children dynamically, with arguments
     * (OTP's {@code simple_one_for_one}). Default false.
     *
     * @return true for a dynamic-children strategy
     */
    default boolean dynamicChildren() {
        return false;
    }
}
