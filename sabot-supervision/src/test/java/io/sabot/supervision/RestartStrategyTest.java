package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.SupervisionEvent;
import io.sabot.api.supervision.SupervisionStrategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each strategy restarts exactly the right set, and every supervisor gives up on the (R+1)-th restart within T. */
class RestartStrategyTest {

    private final Fixture fx = new Fixture();
    private final ManualClock clock = new ManualClock();
    private Supervisor sup;

    @AfterEach
    void stop() {
        if (sup != null) {
            sup.stop();
        }
    }

    private Supervisor start(SupervisionStrategy strategy, RestartIntensity intensity) {
        sup = Supervisor.builder("sup").strategy(strategy).intensity(intensity).clock(clock).listener(fx)
                .child(fx.worker("a")).child(fx.worker("b")).child(fx.worker("c")).build();
        sup.start();
        return sup;
    }

    private void crashAndAwaitRestart(String id) {
        long before = fx.count(SupervisionEvent.ChildRestarted.class, e -> e.child().equals(id));
        fx.crash(id);
        fx.awaitEvent(SupervisionEvent.ChildRestarted.class, e -> e.child().equals(id) && e.restarts() > before);
    }

    @Test
    void oneForOneRestartsOnlyTheFailedChild() {
        start(new OneForOneStrategy(), RestartIntensity.DEFAULT);
        crashAndAwaitRestart("b");
        assertThat(List.of(fx.starts("a"), fx.starts("b"), fx.starts("c"))).containsExactly(1, 2, 1);
        assertThat(fx.logOf("stop:")).isEmpty();
        assertThat(sup.whichChildren()).extracting(i -> i.restarts()).containsExactly(0, 1, 0);
    }

    @Test
    void oneForAllTerminatesTheOthersInReverseOrderAndRestartsAll() {
        start(new OneForAllStrategy(), RestartIntensity.DEFAULT);
        crashAndAwaitRestart("b");
        fx.awaitStarts("c", 2);
        assertThat(List.of(fx.starts("a"), fx.starts("b"), fx.starts("c"))).containsExactly(2, 2, 2);
        assertThat(fx.logOf("stop:")).containsExactly("stop:c", "stop:a");
        assertThat(fx.log.subList(fx.log.indexOf("stop:a") + 1, fx.log.size()))
                .containsExactly("start:a", "start:b", "start:c");
    }

    @Test
    void restForOneRestartsTheFailedChildAndThoseAfterIt() {
        start(new RestForOneStrategy(), RestartIntensity.DEFAULT);
        crashAndAwaitRestart("b");
        fx.awaitStarts("c", 2);
        assertThat(List.of(fx.starts("a"), fx.starts("b"), fx.starts("c"))).containsExactly(1, 2, 2);
        assertThat(fx.logOf("stop:")).containsExactly("stop:c");
    }

    @Test
    void restForOneOnTheLastChildRestartsOnlyIt() {
        start(new RestForOneStrategy(), RestartIntensity.DEFAULT);
        crashAndAwaitRestart("c");
        assertThat(List.of(fx.starts("a"), fx.starts("b"), fx.starts("c"))).containsExactly(1, 1, 2);
    }

    @Test
    void givesUpOnTheRestartAfterTheIntensityWithinThePeriod() throws Exception {
        for (SupervisionStrategy strategy : List.of(new OneForOneStrategy(), new OneForAllStrategy(),
                new RestForOneStrategy())) {
            Fixture f = new Fixture();
            CompletableFuture<SupervisionEvent.SupervisorGaveUp> callback = new CompletableFuture<>();
            Supervisor s = Supervisor.builder("sup").strategy(strategy).intensity(RestartIntensity.of(2,
                            Duration.ofSeconds(60))).clock(clock).listener(f).onRootGaveUp(callback::complete)
                    .child(f.worker("a")).child(f.worker("b")).child(f.worker("c")).build();
            s.start();
            for (int i = 1; i <= 2; i++) {
                f.crash("a");
                int n = i;
                f.awaitEvent(SupervisionEvent.ChildRestarted.class, e -> e.child().equals("a") && e.restarts() == n);
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(s.termination()).isNotDone();
            f.crash("a");
            SupervisorOutcome outcome = s.termination().get();
            assertThat(outcome.kind()).as(strategy.name()).isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
            assertThat(outcome.reason().description()).contains("a crashed");
            SupervisionEvent.SupervisorGaveUp gaveUp = callback.get();
            assertThat(gaveUp.root()).isTrue();
            assertThat(gaveUp.intensity().maxRestarts()).isEqualTo(2);
            assertThat(f.starts("a")).isEqualTo(3);
            List<String> stops = f.logOf("stop:");
            assertThat(stops.subList(stops.size() - 2, stops.size())).containsExactly("stop:c", "stop:b");
            assertThat(s.stop().kind()).isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
        }
    }

    @Test
    void zeroIntensityGivesUpOnTheFirstRestart() throws Exception {
        start(new OneForOneStrategy(), RestartIntensity.of(0, Duration.ofSeconds(1)));
        fx.crash("c");
        assertThat(sup.termination().get().kind()).isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
        assertThat(fx.starts("c")).isEqualTo(1);
    }

    @Test
    void slidingWindowLetsSpacedOutFailuresThrough() {
        start(new OneForOneStrategy(), RestartIntensity.of(1, Duration.ofSeconds(10)));
        for (int i = 1; i <= 5; i++) {
            crashAndAwaitRestart("a");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(sup.termination()).isNotDone();
        assertThat(sup.whichChildren().get(0).restarts()).isEqualTo(5);
        assertThat(sup.whichChildren()).extracting(i -> i.state()).containsOnly(ChildState.RUNNING);
    }

    @Test
    void slidingWindowCountsRestartsInsideThePeriod() throws Exception {
        start(new OneForOneStrategy(), RestartIntensity.of(2, Duration.ofSeconds(10)));
        crashAndAwaitRestart("a");
        clock.advance(Duration.ofSeconds(6));
        crashAndAwaitRestart("b");
        clock.advance(Duration.ofSeconds(6)); // the first restart left the window; the second is 6 s old
        crashAndAwaitRestart("c");
        clock.advance(Duration.ofSeconds(3)); // two restarts (9 s and 3 s old) in the window: the next is the third
        fx.crash("a");
        assertThat(sup.termination().get().kind()).isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
    }
}
