package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildType;
import io.sabot.api.supervision.ExitReason;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.SupervisionEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two-level trees: a nested supervisor's give-up reaches its parent, which applies its own strategy. */
class EscalationTest {

    private final Fixture rootEvents = new Fixture();
    private final Fixture fx = new Fixture();

    private Supervisor.Builder nested(RestartIntensity intensity) {
        return Supervisor.builder("sub").strategy(new OneForAllStrategy()).intensity(intensity).listener(fx)
                .child(fx.worker("x")).child(fx.worker("y"));
    }

    @Test
    void aNestedSupervisorThatGivesUpIsRestartedByItsParent() {
        Supervisor root = Supervisor.builder("root").listener(rootEvents).child(fx.worker("w"))
                .child(nested(RestartIntensity.of(0, Duration.ofSeconds(60))).asChildSpec().build())
                .child(fx.worker("z")).build();
        root.start();
        assertThat(fx.logOf("start:")).containsExactly("start:w", "start:x", "start:y", "start:z");
        assertThat(root.countChildren().supervisors()).isEqualTo(1);
        assertThat(root.whichChildren().get(1).type()).isEqualTo(ChildType.SUPERVISOR);

        fx.crash("x");
        SupervisionEvent.SupervisorEscalated escalated = rootEvents.awaitEvent(
                SupervisionEvent.SupervisorEscalated.class, e -> true);
        assertThat(escalated.supervisor()).isEqualTo("root");
        assertThat(escalated.child()).isEqualTo("sub");
        rootEvents.awaitEvent(SupervisionEvent.ChildRestarted.class, e -> e.child().equals("sub"));
        SupervisionEvent.SupervisorGaveUp gaveUp = fx.awaitEvent(SupervisionEvent.SupervisorGaveUp.class, e -> true);
        assertThat(gaveUp.root()).isFalse();
        assertThat(fx.starts("x")).isEqualTo(2);
        assertThat(fx.starts("y")).isEqualTo(2);
        assertThat(fx.starts("w")).isEqualTo(1);
        assertThat(fx.starts("z")).isEqualTo(1);
        assertThat(rootEvents.eventsOf(SupervisionEvent.ChildExited.class).get(0).reason().cause()).get()
                .isInstanceOf(SupervisorGaveUpException.class);

        root.stop();
        // the nested tree stops in order inside the root's reverse order
        assertThat(fx.logOf("stop:")).endsWith("stop:z", "stop:y", "stop:x", "stop:w");
    }

    @Test
    void escalationThatExceedsTheRootIntensityReachesTheGiveUpCallback() throws Exception {
        CompletableFuture<SupervisionEvent.SupervisorGaveUp> callback = new CompletableFuture<>();
        Supervisor root = Supervisor.builder("root").listener(rootEvents)
                .intensity(RestartIntensity.of(0, Duration.ofSeconds(60))).onRootGaveUp(callback::complete)
                .child(fx.worker("w"))
                .child(nested(RestartIntensity.of(0, Duration.ofSeconds(60))).asChildSpec().build()).build();
        root.start();
        fx.crash("y");
        SupervisionEvent.SupervisorGaveUp gaveUp = callback.get();
        assertThat(gaveUp.supervisor()).isEqualTo("root");
        assertThat(gaveUp.root()).isTrue();
        assertThat(gaveUp.lastExit().kind()).isEqualTo(ExitReason.Kind.FAILURE);
        assertThat(root.termination().get().kind()).isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
        assertThat(fx.logOf("stop:")).containsExactly("stop:x", "stop:w");
    }

    @Test
    void aNestedSupervisorThatFailsToStartIsAStartFailureOfItsParent() {
        fx.failNextStarts("y", 1);
        Supervisor root = Supervisor.builder("root").child(fx.worker("w"))
                .child(nested(RestartIntensity.DEFAULT).asChildSpec().build()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(root::start).isInstanceOf(ChildStartException.class)
                .hasMessageContaining("child 'sub' of supervisor 'root'")
                .hasMessageContaining("child 'y' of supervisor 'sub'");
        assertThat(fx.logOf("stop:")).containsExactly("stop:x", "stop:w");
    }
}
