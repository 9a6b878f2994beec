package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SupervisionEventTest {

    private static final Instant AT = Instant.parse("2026-12-03T16:00:00Z");
    private static final ExitReason FAILURE = ExitReason.failure(new RuntimeException("boom"));
    private static final Duration LATENCY = Duration.ofMillis(3);

    @Test
    void everyEventNamesItsSupervisorAndTime() {
        List<SupervisionEvent> events = List.of(
                new SupervisionEvent.ChildStarted("root", "a", AT),
                new SupervisionEvent.ChildExited("root", "a", FAILURE, AT),
                new SupervisionEvent.ChildRestarted("root", "a", "one_for_one", 1, LATENCY, AT),
                new SupervisionEvent.ChildRestartFailed("root", "a", FAILURE, AT),
                new SupervisionEvent.ChildStuck("root", "a", Duration.ofSeconds(6), AT),
                new SupervisionEvent.SupervisorGaveUp("root", RestartIntensity.DEFAULT, FAILURE, true, AT),
                new SupervisionEvent.SupervisorEscalated("root", "group-a", AT));

        assertThat(events).allSatisfy(e -> {
            assertThat(e.supervisor()).isEqualTo("root");
            assertThat(e.at()).isEqualTo(AT);
        });
    }

    @Test
    void aListenerReceivesEventsItCanTellApartByType() {
        List<String> seen = new ArrayList<>();
        SupervisionListener listener = event -> {
            if (event instanceof SupervisionEvent.ChildRestarted) {
                SupervisionEvent.ChildRestarted r = (SupervisionEvent.ChildRestarted) event;
                seen.add(r.child() + " restarted by " + r.strategy() + " #" + r.restarts() + " in " + r.latency());
            } else if (event instanceof SupervisionEvent.SupervisorGaveUp) {
                SupervisionEvent.SupervisorGaveUp g = (SupervisionEvent.SupervisorGaveUp) event;
                seen.add("gave up after " + g.lastExit() + (g.root() ? " at the root" : "") + " " + g.intensity());
            }
        };

        listener.onEvent(new SupervisionEvent.ChildRestarted("root", "a", "one_for_all", 2, LATENCY, AT));
        listener.onEvent(new SupervisionEvent.SupervisorGaveUp("root", RestartIntensity.of(1, Duration.ofSeconds(5)),
                FAILURE, true, AT));

        assertThat(seen).containsExactly("a restarted by one_for_all #2 in PT0.003S",
                "gave up after failure: RuntimeException: boom at the root "
                        + "RestartIntensity[maxRestarts=1, period=PT5S]");
    }

    static Stream<Arguments> constructorsWithANullField() {
        return Stream.of(
                Arguments.of("ChildStarted supervisor", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildStarted(null, "a", AT)),
                Arguments.of("ChildStarted child", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildStarted("root", null, AT)),
                Arguments.of("ChildStarted at", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildStarted("root", "a", null)),
                Arguments.of("ChildExited reason", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildExited("root", "a", null, AT)),
                Arguments.of("ChildExited at", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildExited("root", "a", FAILURE, null)),
                Arguments.of("ChildRestarted strategy", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildRestarted("root", "a", null, 1, LATENCY, AT)),
                Arguments.of("ChildRestarted latency", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildRestarted("root", "a", "s", 1, null, AT)),
                Arguments.of("ChildRestartFailed reason", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildRestartFailed("root", "a", null, AT)),
                Arguments.of("ChildStuck waited", (ThrowingCallable) () ->
                        new SupervisionEvent.ChildStuck("root", "a", null, AT)),
                Arguments.of("SupervisorGaveUp intensity", (ThrowingCallable) () ->
                        new SupervisionEvent.SupervisorGaveUp("root", null, FAILURE, false, AT)),
                Arguments.of("SupervisorGaveUp lastExit", (ThrowingCallable) () ->
                        new SupervisionEvent.SupervisorGaveUp("root", RestartIntensity.DEFAULT, null, false, AT)),
                Arguments.of("SupervisorEscalated child", (ThrowingCallable) () ->
                        new SupervisionEvent.SupervisorEscalated("root", null, AT)),
                Arguments.of("SupervisorEscalated supervisor", (ThrowingCallable) () ->
                        new SupervisionEvent.SupervisorEscalated(null, "g", AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructorsWithANullField")
    void nullFieldsAreRejected(String field, ThrowingCallable construct) {
        assertThatNullPointerException().isThrownBy(construct)
                .withMessage("supervision event fields must not be null");
    }

    @Test
    void eventsAreValuesEqualByTheirFields() {
        assertThat(new SupervisionEvent.ChildStuck("r", "a", LATENCY, AT))
                .isEqualTo(new SupervisionEvent.ChildStuck("r", "a", LATENCY, AT))
                .isNotEqualTo(new SupervisionEvent.ChildStuck("r", "b", LATENCY, AT));
    }
}
