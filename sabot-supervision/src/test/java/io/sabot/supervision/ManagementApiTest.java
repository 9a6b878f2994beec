package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.supervision.Backoff;
import io.sabot.api.supervision.ChildCounts;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.SupervisionEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** start/terminate/restart/delete child, which/count children, dynamic children, backoff, invalid specs. */
class ManagementApiTest {

    private final Fixture fx = new Fixture();

    @Test
    void terminateRestartAndDeleteAStaticChild() {
        try (Supervisor sup = Supervisor.builder("sup").listener(fx).child(fx.worker("a")).child(fx.worker("b"))
                .build()) {
            sup.start();
            assertThat(sup.countChildren()).isEqualTo(new ChildCounts(2, 2, 0, 2));
            assertThatThrownBy(() -> sup.deleteChild("a")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot delete child 'a' of supervisor 'sup': it is running");
            assertThatThrownBy(() -> sup.restartChild("a")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("terminate it first");
            sup.terminateChild("a");
            assertThat(sup.countChildren()).isEqualTo(new ChildCounts(2, 1, 0, 2));
            assertThat(sup.whichChildren().get(0).state()).isEqualTo(ChildState.TERMINATED);
            sup.restartChild("a");
            assertThat(fx.starts("a")).isEqualTo(2);
            assertThat(sup.whichChildren().get(0).state()).isEqualTo(ChildState.RUNNING);
            sup.terminateChild("a");
            sup.deleteChild("a");
            assertThat(sup.whichChildren()).extracting(i -> i.id()).containsExactly("b");
            assertThatThrownBy(() -> sup.terminateChild("nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no child 'nope'").hasMessageContaining("[b]");
        }
    }

    @Test
    void startChildAddsAfterTheExistingChildren() {
        try (Supervisor sup = Supervisor.builder("sup").strategy(new RestForOneStrategy()).child(fx.worker("a"))
                .build()) {
            sup.start();
            assertThat(sup.startChild(fx.worker("b"))).isEqualTo("b");
            assertThatThrownBy(() -> sup.startChild(fx.worker("b"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already has a child 'b'");
            fx.failNextStarts("c", 1);
            assertThatThrownBy(() -> sup.startChild(fx.worker("c"))).isInstanceOf(ChildStartException.class);
            assertThat(sup.whichChildren()).extracting(i -> i.id()).containsExactly("a", "b");
            assertThatThrownBy(() -> sup.startChild(List.of(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only a dynamic-children strategy");
            fx.crash("a");
            fx.awaitStarts("b", 2);
        }
    }

    @Test
    void dynamicChildrenStartWithArgsAndRestartWithTheSameArgs() {
        try (Supervisor sup = Supervisor.builder("pool").strategy(new SimpleOneForOneStrategy()).listener(fx)
                .template(fx.worker("conn")).maxChildren(2).build()) {
            sup.start();
            assertThat(sup.whichChildren()).isEmpty();
            String first = sup.startChild(List.of("db1", 5432));
            String second = sup.startChild(List.of("db2"));
            assertThat(first).isEqualTo("conn-1");
            assertThat(second).isEqualTo("conn-2");
            assertThatThrownBy(() -> sup.startChild(List.of("db3"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("maximum of 2 children");
            assertThatThrownBy(() -> sup.startChild(fx.worker("x"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("startChild(args)");
            fx.crash("conn");
            fx.awaitStarts("conn", 3);
            assertThat(fx.logOf("start:")).containsExactly("start:conn[db1, 5432]", "start:conn[db2]",
                    "start:conn[db2]");
            sup.terminateChild(first);
            assertThat(sup.whichChildren()).extracting(i -> i.id()).containsExactly(second);
            assertThat(sup.startChild(List.of("db4"))).isEqualTo("conn-3");
        }
    }

    @Test
    void transientDynamicChildThatExitsNormallyIsRemoved() {
        try (Supervisor sup = Supervisor.builder("pool").strategy(new SimpleOneForOneStrategy()).listener(fx)
                .template(fx.worker("job", RestartPolicy.TRANSIENT)).build()) {
            sup.start();
            String id = sup.startChild(List.of());
            fx.exitNormally("job");
            fx.awaitEvent(SupervisionEvent.ChildExited.class, e -> e.child().equals(id));
            assertThat(sup.countChildren()).isEqualTo(new ChildCounts(0, 0, 0, 0));
        }
    }

    @Test
    void whichAndCountChildrenWhileAChildWaitsToRestart() {
        ManualClock clock = new ManualClock();
        Backoff slow = new Backoff(Duration.ofHours(1), Duration.ofHours(1), 0.0, Duration.ofHours(1));
        try (Supervisor sup = Supervisor.builder("sup").clock(clock).backoff(slow).listener(fx)
                .child(fx.worker("a")).child(fx.worker("b")).build()) {
            sup.start();
            fx.crash("a");
            fx.awaitEvent(SupervisionEvent.ChildExited.class, e -> e.child().equals("a"));
            assertThat(sup.whichChildren().get(0).state()).isEqualTo(ChildState.RESTARTING);
            assertThat(sup.whichChildren().get(0).lastExit()).get().extracting(r -> r.description())
                    .isEqualTo("failure: IllegalStateException: a crashed");
            assertThat(sup.countChildren()).isEqualTo(new ChildCounts(2, 1, 0, 2));
            sup.terminateChild("a"); // cancels the pending restart
            assertThat(sup.whichChildren().get(0).state()).isEqualTo(ChildState.TERMINATED);
            assertThat(fx.starts("a")).isEqualTo(1);
        }
    }

    @Test
    void terminatingTheFailedChildDuringABackoffStillRestartsItsGroup() {
        Backoff backoff = new Backoff(Duration.ofMillis(300), Duration.ofMillis(300), 0.0, Duration.ofHours(1));
        try (Supervisor sup = Supervisor.builder("sup").strategy(new OneForAllStrategy()).backoff(backoff)
                .listener(fx).child(fx.worker("a")).child(fx.worker("b")).build()) {
            sup.start();
            fx.crash("a");
            fx.awaitEvent(SupervisionEvent.ChildExited.class, e -> e.child().equals("b"));
            sup.terminateChild("a");
            fx.awaitStarts("b", 2);
            Fixture.waiting().untilAsserted(() -> assertThat(sup.whichChildren()).extracting(i -> i.state())
                    .containsExactly(ChildState.TERMINATED, ChildState.RUNNING));
        }
    }

    @Test
    void backoffDelaysTheRestart() {
        Backoff backoff = new Backoff(Duration.ofMillis(30), Duration.ofMillis(30), 0.0, Duration.ofHours(1));
        try (Supervisor sup = Supervisor.builder("sup").backoff(backoff).listener(fx).child(fx.worker("a"))
                .build()) {
            sup.start();
            fx.crash("a");
            SupervisionEvent.ChildRestarted restarted = fx.awaitEvent(SupervisionEvent.ChildRestarted.class,
                    e -> true);
            assertThat(restarted.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
            assertThat(restarted.strategy()).isEqualTo("one_for_one");
            assertThat(restarted.restarts()).isEqualTo(1);
        }
    }

    @Test
    void backoffResetsAfterAStablePeriod() {
        ManualClock clock = new ManualClock();
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 0.5, Duration.ofSeconds(5));
        try (Supervisor sup = Supervisor.builder("sup").clock(clock).backoff(backoff).listener(fx)
                .child(fx.worker("a")).build()) {
            sup.start();
            for (int i = 1; i <= 3; i++) {
                fx.crash("a");
                fx.awaitStarts("a", i + 1);
                clock.advance(Duration.ofSeconds(10));
            }
            assertThat(sup.whichChildren().get(0).restarts()).isEqualTo(3);
        }
    }

    @Test
    void virtualThreadsAreUsedWhenAskedOrFallBackToPlatformThreads() {
        try (Supervisor sup = Supervisor.builder("sup").threads(ChildThreads.VIRTUAL).listener(fx)
                .child(fx.worker("a")).build()) {
            sup.start();
            fx.crash("a");
            fx.awaitStarts("a", 2);
        }
        assertThat(ChildThreads.virtualThreadsAvailable()).isEqualTo(Runtime.version().feature() >= 21);
    }

    @Test
    void invalidConfigurationsAreRejectedWithClearErrors() {
        assertThatThrownBy(() -> Supervisor.builder("sup").child(fx.worker("a")).child(fx.worker("a")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two children with id 'a'");
        assertThatThrownBy(() -> Supervisor.builder("bad id").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid supervisor id");
        assertThatThrownBy(() -> Supervisor.builder("sup").strategy(new SimpleOneForOneStrategy()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set a template");
        assertThatThrownBy(() -> Supervisor.builder("sup").strategy(new SimpleOneForOneStrategy())
                .template(fx.worker("t")).child(fx.worker("a")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not static children");
        assertThatThrownBy(() -> Supervisor.builder("sup").template(fx.worker("t")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a dynamic strategy");
        assertThatThrownBy(() -> Supervisor.builder("sup").maxChildren(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynamic children only");
        assertThatThrownBy(() -> Supervisor.builder("sup").maxChildren(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChildren must be 1 or more");
        assertThatThrownBy(() -> Supervisor.builder("sup").threadKeepAlive(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChildSpec.worker("../x", fx.factory("x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid child id");
        assertThatThrownBy(() -> Supervisor.builder("sup").child(ChildSpec.worker("n", args -> null).build())
                .build().start()).isInstanceOf(ChildStartException.class).hasMessageContaining("returned null");
    }

    @Test
    void listenersMustNotCallBackAndTheirExceptionsAreIgnored() {
        java.util.concurrent.CompletableFuture<Throwable> callBack = new java.util.concurrent.CompletableFuture<>();
        Supervisor[] self = new Supervisor[1];
        Supervisor sup = Supervisor.builder("sup").listener(e -> {
            if (e instanceof SupervisionEvent.ChildRestarted) {
                try {
                    self[0].whichChildren();
                    callBack.complete(null);
                } catch (IllegalStateException ex) {
                    callBack.complete(ex);
                }
                throw new IllegalStateException("listener bug");
            }
        }).listener(fx).child(fx.worker("a")).build();
        self[0] = sup;
        sup.start();
        fx.crash("a");
        assertThat(callBack.join()).hasMessageContaining("must not be called from its own thread");
        fx.crash("a");
        fx.awaitStarts("a", 3);
        sup.close();
    }

    @Test
    void aStrategyThatBreaksItsContractMakesTheSupervisorGiveUp() throws Exception {
        io.sabot.api.supervision.SupervisionStrategy broken = new io.sabot.api.supervision.SupervisionStrategy() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
                return List.of("ghost", failed.id());
            }
        };
        Supervisor sup = Supervisor.builder("sup").strategy(broken).child(fx.worker("a")).build();
        sup.start();
        fx.crash("a");
        SupervisorOutcome outcome = sup.termination().get();
        assertThat(outcome.kind()).isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
        assertThat(outcome.reason().description()).contains("unknown children [ghost]");
    }
}
