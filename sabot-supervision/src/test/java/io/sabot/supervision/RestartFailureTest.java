package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.ExitReason;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.SupervisionEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starts that fail during a restart are retried and count toward the intensity; the loop can still be stopped. */
class RestartFailureTest {

    private final Fixture fx = new Fixture();
    private final ManualClock clock = new ManualClock();

    private Supervisor start(io.sabot.api.supervision.SupervisionStrategy strategy, RestartIntensity intensity) {
        Supervisor sup = Supervisor.builder("sup").strategy(strategy).intensity(intensity).clock(clock)
                .listener(fx).child(fx.worker("a")).child(fx.worker("b")).child(fx.worker("c")).build();
        sup.start();
        return sup;
    }

    @Test
    void oneForAllRestartsTheWholeGroupAgainWhenASiblingFailsToStart() {
        Supervisor sup = start(new OneForAllStrategy(), RestartIntensity.DEFAULT);
        fx.failNextStarts("b", 1);
        fx.crash("a");
        fx.awaitStarts("c", 2);
        assertThat(fx.log).containsSubsequence("stop:c", "stop:b", "start:a", "start-failed:b", "stop:a",
                "start:a", "start:b", "start:c");
        assertThat(fx.starts("a")).isEqualTo(3);
        assertThat(fx.starts("b")).isEqualTo(2);
        SupervisionEvent.ChildRestartFailed failed = fx.awaitEvent(SupervisionEvent.ChildRestartFailed.class,
                e -> true);
        assertThat(failed.child()).isEqualTo("b");
        assertThat(failed.reason().kind()).isEqualTo(ExitReason.Kind.FAILURE);
        assertThat(sup.whichChildren()).extracting(i -> i.state()).containsOnly(ChildState.RUNNING);
        sup.stop();
    }

    @Test
    void restForOneResumesFromTheChildThatFailedToStart() {
        Supervisor sup = start(new RestForOneStrategy(), RestartIntensity.DEFAULT);
        fx.failNextStarts("b", 1);
        fx.crash("a");
        fx.awaitStarts("c", 2);
        assertThat(fx.log).containsSubsequence("stop:c", "stop:b", "start:a", "start-failed:b", "start:b",
                "start:c");
        assertThat(fx.starts("a")).isEqualTo(2);
        assertThat(fx.starts("b")).isEqualTo(2);
        assertThat(fx.starts("c")).isEqualTo(2);
        sup.stop();
    }

    @Test
    void failedStartsCountTowardTheIntensity() throws Exception {
        Supervisor sup = start(new OneForOneStrategy(), RestartIntensity.of(2, Duration.ofSeconds(60)));
        fx.failNextStarts("a", 5);
        fx.crash("a"); // restart 1, its start fails: restart 2, fails again: the third restart gives up
        assertThat(sup.termination().get().kind()).isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
        assertThat(fx.logOf("start-failed:a")).hasSize(2);
        assertThat(fx.count(SupervisionEvent.ChildRestartFailed.class, e -> true)).isEqualTo(2);
    }

    @Test
    void aHangingRestartLoopCanStillBeInspectedAndShutDown() {
        Supervisor sup = start(new OneForOneStrategy(), RestartIntensity.of(Integer.MAX_VALUE,
                Duration.ofSeconds(1)));
        fx.failNextStarts("b", Integer.MAX_VALUE);
        fx.crash("b");
        fx.awaitEvent(SupervisionEvent.ChildRestartFailed.class, e -> true);
        assertThat(sup.whichChildren().get(1).state()).isEqualTo(ChildState.RESTARTING);
        assertThat(sup.countChildren().active()).isEqualTo(2);
        assertThat(sup.stop().kind()).isEqualTo(SupervisorOutcome.Kind.STOPPED);
        assertThat(fx.logOf("stop:")).containsExactly("stop:c", "stop:a");
    }
}
