package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RestartPolicyTest {

    static Stream<Arguments> matrix() {
        ExitReason normal = ExitReason.normal();
        ExitReason shutdown = ExitReason.shutdown();
        ExitReason failure = ExitReason.failure(new IllegalStateException("boom"));
        ExitReason stuck = ExitReason.stuck("ignored interrupt");
        return Stream.of(
                Arguments.of(RestartPolicy.PERMANENT, normal, true),
                Arguments.of(RestartPolicy.PERMANENT, shutdown, false),
                Arguments.of(RestartPolicy.PERMANENT, failure, true),
                Arguments.of(RestartPolicy.PERMANENT, stuck, true),
                Arguments.of(RestartPolicy.TRANSIENT, normal, false),
                Arguments.of(RestartPolicy.TRANSIENT, shutdown, false),
                Arguments.of(RestartPolicy.TRANSIENT, failure, true),
                Arguments.of(RestartPolicy.TRANSIENT, stuck, true),
                Arguments.of(RestartPolicy.TEMPORARY, normal, false),
                Arguments.of(RestartPolicy.TEMPORARY, shutdown, false),
                Arguments.of(RestartPolicy.TEMPORARY, failure, false),
                Arguments.of(RestartPolicy.TEMPORARY, stuck, false));
    }

    @ParameterizedTest(name = "{0} after {1} restarts: {2}")
    @MethodSource("matrix")
    void restartsAfterFollowsOtpForEveryPolicyAndExitKind(RestartPolicy policy, ExitReason reason, boolean restarts) {
        assertThat(policy.restartsAfter(reason)).isEqualTo(restarts);
    }

    @Test
    void theMatrixCoversEveryPolicyAndEveryExitKind() {
        assertThat(matrix().map(a -> a.get()[0]).distinct()).containsExactlyInAnyOrder((Object[]) RestartPolicy.values());
        assertThat(matrix().map(a -> ((ExitReason) a.get()[1]).kind()).distinct())
                .containsExactlyInAnyOrder(ExitReason.Kind.values());
    }

    @ParameterizedTest
    @EnumSource(RestartPolicy.class)
    void aNullReasonIsRejected(RestartPolicy policy) {
        assertThatNullPointerException().isThrownBy(() -> policy.restartsAfter(null));
    }
}
