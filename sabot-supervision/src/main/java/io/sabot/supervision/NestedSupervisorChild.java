package io.sabot.supervision;

import io.sabot.api.supervision.Child;

/**
 * The body of a nested supervisor as seen by its parent: running means waiting for the nested supervisor to end;
 * giving up becomes a failure the parent handles; a stop request stops the nested tree in order.
 *
 * <p>Thread-safety: as {@link Child}.
 */
final class NestedSupervisorChild implements Child {

    private final Supervisor supervisor;

    NestedSupervisorChild(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public void run() throws Exception {
        SupervisorOutcome outcome;
        try {
            outcome = supervisor.termination().get();
        } catch (InterruptedException e) {
            supervisor.stopAsync();
            throw e;
        }
        if (outcome.failed()) {
            throw new SupervisorGaveUpException(supervisor.id(), outcome.reason());
        }
    }

    @Override
    public void requestStop() {
        supervisor.stopAsync();
    }
}
