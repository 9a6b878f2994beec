package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.ExitReason;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.SupervisionEvent;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Permanent / transient / temporary × normal exit / shutdown / crash, as in OTP. */
class RestartPolicyMatrixTest {

    enum Exit { NORMAL, SHUTDOWN, CRASH }

    enum Expect { RESTARTED, STAYS_DOWN, REMOVED }

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of(RestartPolicy.PERMANENT, Exit.NORMAL, Expect.RESTARTED),
                Arguments.of(RestartPolicy.PERMANENT, Exit.CRASH, Expect.RESTARTED),
                Arguments.of(RestartPolicy.PERMANENT, Exit.SHUTDOWN, Expect.STAYS_DOWN),
                Arguments.of(RestartPolicy.TRANSIENT, Exit.NORMAL, Expect.STAYS_DOWN),
                Arguments.of(RestartPolicy.TRANSIENT, Exit.CRASH, Expect.RESTARTED),
                Arguments.of(RestartPolicy.TRANSIENT, Exit.SHUTDOWN, Expect.STAYS_DOWN),
                Arguments.of(RestartPolicy.TEMPORARY, Exit.NORMAL, Expect.REMOVED),
                Arguments.of(RestartPolicy.TEMPORARY, Exit.CRASH, Expect.REMOVED),
                Arguments.of(RestartPolicy.TEMPORARY, Exit.SHUTDOWN, Expect.REMOVED));
    }

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @MethodSource("matrix")
    void policyDecidesTheRestart(RestartPolicy policy, Exit exit, Expect expect) {
        Fixture fx = new Fixture();
        try (Supervisor sup = Supervisor.builder("sup").listener(fx).child(fx.worker("w", policy))
                .child(fx.worker("other")).build()) {
            sup.start();
            switch (exit) {
                case NORMAL:
                    fx.exitNormally("w");
                    break;
                case CRASH:
                    fx.crash("w");
                    break;
                default:
                    sup.terminateChild("w");
            }
            SupervisionEvent.ChildExited exited = fx.awaitEvent(SupervisionEvent.ChildExited.class,
                    e -> e.child().equals("w"));
            assertThat(exited.reason().kind()).isEqualTo(exit == Exit.NORMAL ? ExitReason.Kind.NORMAL
                    : exit == Exit.CRASH ? ExitReason.Kind.FAILURE : ExitReason.Kind.SHUTDOWN);
            if (expect == Expect.RESTARTED) {
                fx.awaitStarts("w", 2);
            }
            // whichChildren is handled after the exit, so it sees its outcome
            var infos = sup.whichChildren();
            switch (expect) {
                case RESTARTED:
                    assertThat(infos.get(0).state()).isEqualTo(ChildState.RUNNING);
                    assertThat(infos.get(0).restarts()).isEqualTo(1);
                    break;
                case STAYS_DOWN:
                    assertThat(infos).extracting(i -> i.id()).containsExactly("w", "other");
                    assertThat(infos.get(0).state()).isEqualTo(ChildState.TERMINATED);
                    assertThat(infos.get(0).lastExit()).contains(exited.reason());
                    assertThat(fx.starts("w")).isEqualTo(1);
                    break;
                default:
                    assertThat(infos).extracting(i -> i.id()).containsExactly("other");
                    assertThat(fx.starts("w")).isEqualTo(1);
            }
            assertThat(fx.starts("other")).isEqualTo(1);
        }
    }
}
