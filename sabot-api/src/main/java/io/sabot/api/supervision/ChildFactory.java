package io.sabot.api.supervision;

import java.util.List;

/**
 * Creates a child each time its supervisor starts or restarts it (OTP's {@code start} child-spec field).
 *
 * <p>Throwing from {@link #create(List)} is a start failure: during a restart it counts toward the supervisor's
 * restart intensity and the start is retried, as in OTP.
 *
 * <p>Thread-safety: called by the supervisor, one call at a time per child spec.
 */
@FunctionalInterface
public interface ChildFactory {

    /**
     * Creates a fresh child.
     *
     * @param args the arguments of a dynamic child (see {@link SupervisionStrategy#dynamicChildren()}); empty for
     *             a static child
     * @return the child to run; never null
     * @throws Exception if the child cannot be created (a start failure)
     */
    Child create(List<Object> args) throws Exception;
}
