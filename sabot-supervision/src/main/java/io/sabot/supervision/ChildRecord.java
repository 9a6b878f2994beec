package io.sabot.supervision;

import io.sabot.api.supervision.ChildInfo;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.ExitReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * A supervisor's bookkeeping for one child.
 *
 * <p>Not thread-safe: owned by the supervisor's control thread.
 */
final class ChildRecord {

    final ChildSpec spec;
    final List<Object> args;
    ChildState state = ChildState.TERMINATED;
    ChildRun run;
    int restarts;
    ExitReason lastExit;
    Instant lastStartedAt;
    int backoffAttempt;
    long pendingSinceNanos;
    ScheduledFuture<?> pendingRestart;

    ChildRecord(ChildSpec spec, List<Object> args) {
        this.spec = spec;
        this.args = args;
    }

    String id() {
        return spec.id();
    }

    ChildInfo info() {
        return new ChildInfo(spec.id(), spec.type(), state, restarts, Optional.ofNullable(lastExit));
    }

    void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }
}
