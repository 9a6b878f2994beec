package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.ExitReason;
import io.sabot.api.supervision.Shutdown;
import io.sabot.api.supervision.SupervisionEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Start order, termination order, shutdown timeout then interrupt, and stuck children. */
class ShutdownTest {

    private final Fixture fx = new Fixture();

    @Test
    void startsInOrderAndTerminatesInReverseOrder() {
        Supervisor sup = Supervisor.builder("sup").listener(fx).child(fx.worker("a")).child(fx.worker("b"))
                .child(fx.worker("c")).build();
        sup.start();
        assertThat(fx.logOf("start:")).containsExactly("start:a", "start:b", "start:c");
        assertThat(sup.stop().kind()).isEqualTo(SupervisorOutcome.Kind.STOPPED);
        assertThat(fx.logOf("stop:")).containsExactly("stop:c", "stop:b", "stop:a");
        assertThat(fx.eventsOf(SupervisionEvent.ChildExited.class)).extracting(e -> e.child())
                .containsExactly("c", "b", "a");
        assertThat(sup.termination()).isCompleted();
        assertThat(sup.stop().kind()).isEqualTo(SupervisorOutcome.Kind.STOPPED); // idempotent
    }

    /** A child that ignores stop requests but ends when interrupted. */
    private static final class IgnoresStop implements Child {
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public void run() {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }
    }

    @Test
    void interruptsAChildThatIgnoresItsStopRequestAfterTheTimeout() throws Exception {
        IgnoresStop child = new IgnoresStop();
        Supervisor sup = Supervisor.builder("sup").listener(fx).child(ChildSpec.worker("slow", args -> child)
                .shutdown(Shutdown.timeout(Duration.ofMillis(50))).build()).build();
        sup.start();
        sup.terminateChild("slow");
        assertThat(child.interrupted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sup.whichChildren().get(0).state()).isEqualTo(ChildState.TERMINATED);
        assertThat(fx.eventsOf(SupervisionEvent.ChildStuck.class)).isEmpty();
        sup.stop();
    }

    @Test
    void immediateShutdownInterruptsAtOnce() throws Exception {
        IgnoresStop child = new IgnoresStop();
        Supervisor sup = Supervisor.builder("sup").child(ChildSpec.worker("x", args -> child)
                .shutdown(Shutdown.immediate()).build()).build();
        sup.start();
        sup.stop();
        assertThat(child.interrupted.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aChildIgnoringInterruptsIsReportedStuckAndDoesNotBlockShutdown() {
        AtomicBoolean release = new AtomicBoolean();
        Child stubborn = () -> {
            while (!release.get()) {
                Thread.onSpinWait();
                Thread.interrupted(); // swallows the interrupt
            }
        };
        Supervisor sup = Supervisor.builder("sup").listener(fx)
                .child(fx.worker("first"))
                .child(ChildSpec.worker("stubborn", args -> stubborn)
                        .shutdown(new Shutdown(Duration.ofMillis(20), Duration.ofMillis(20))).build())
                .build();
        sup.start();
        try {
            sup.terminateChild("stubborn");
            assertThat(sup.whichChildren().get(1).state()).isEqualTo(ChildState.STUCK);
            assertThat(sup.whichChildren().get(1).lastExit()).get().extracting(ExitReason::kind)
                    .isEqualTo(ExitReason.Kind.STUCK);
            SupervisionEvent.ChildStuck stuck = fx.awaitEvent(SupervisionEvent.ChildStuck.class, e -> true);
            assertThat(stuck.child()).isEqualTo("stubborn");
            assertThat(stuck.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
            sup.restartChild("stubborn"); // a fresh run on a new thread; the old one is abandoned
            assertThat(sup.stop().kind()).isEqualTo(SupervisorOutcome.Kind.STOPPED);
            assertThat(fx.count(SupervisionEvent.ChildStuck.class, e -> true)).isEqualTo(2);
            assertThat(fx.logOf("stop:")).containsExactly("stop:first");
        } finally {
            release.set(true);
        }
    }

    @Test
    void stopBeforeStartEndsAtOnce() {
        Supervisor sup = Supervisor.builder("sup").child(fx.worker("a")).build();
        assertThat(sup.stop().kind()).isEqualTo(SupervisorOutcome.Kind.STOPPED);
        assertThat(fx.starts("a")).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(sup::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
        org.assertj.core.api.Assertions.assertThatThrownBy(sup::whichChildren)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }

    @Test
    void aFailedStartStopsTheChildrenStartedBeforeIt() {
        fx.failNextStarts("b", 1);
        Supervisor sup = Supervisor.builder("sup").child(fx.worker("a")).child(fx.worker("b"))
                .child(fx.worker("c")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(sup::start).isInstanceOf(ChildStartException.class)
                .hasMessageContaining("child 'b' of supervisor 'sup' failed to start");
        assertThat(sup.termination().join().kind()).isEqualTo(SupervisorOutcome.Kind.FAILED_TO_START);
        assertThat(fx.logOf("stop:")).containsExactly("stop:a");
        assertThat(fx.starts("c")).isZero();
    }
}
