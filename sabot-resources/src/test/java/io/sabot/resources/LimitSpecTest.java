package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import org.junit.jupiter.api.Test;

class LimitSpecTest {

    @Test
    void parsesKindsThresholdsAndActions() {
        assertThat(LimitSpec.parse("agent_cpu=20%:throttle"))
                .isEqualTo(ResourceLimit.of(LimitKind.AGENT_CPU, 0.2, LimitAction.THROTTLE));
        assertThat(LimitSpec.parse(" AGENT_STATE_BYTES = 64MiB : RESTART "))
                .isEqualTo(ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 64L << 20, LimitAction.RESTART));
        assertThat(LimitSpec.parse("worker_memory_bytes=3GiB"))
                .isEqualTo(ResourceLimit.of(LimitKind.WORKER_MEMORY_BYTES, 3L << 30, LimitAction.WARN));
        assertThat(LimitSpec.parse("worker_heap_bytes=1.5GB:stop").threshold()).isEqualTo(1.5e9);
        assertThat(LimitSpec.parse("agent_input_depth=5000").threshold()).isEqualTo(5000);
        assertThat(LimitSpec.parse("worker_cpu=0.8").threshold()).isEqualTo(0.8);
        assertThat(LimitSpec.parse("agent_state_bytes=100B").threshold()).isEqualTo(100);
        assertThat(LimitSpec.parse("agent_state_bytes=2kib").threshold()).isEqualTo(2048);
        assertThat(LimitSpec.parse("agent_state_bytes=1TiB").threshold()).isEqualTo(1099511627776.0);
        assertThat(LimitSpec.parse("agent_state_bytes=1KB").threshold()).isEqualTo(1000);
        assertThat(LimitSpec.parse("agent_state_bytes=1MB").threshold()).isEqualTo(1e6);
        assertThat(LimitSpec.parse("agent_state_bytes=1TB").threshold()).isEqualTo(1e12);
    }

    @Test
    void formatRoundTrips() {
        ResourceLimit cpu = ResourceLimit.of(LimitKind.AGENT_CPU, 0.25, LimitAction.THROTTLE);
        ResourceLimit state = ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 1 << 20, LimitAction.RESTART);
        assertThat(LimitSpec.format(cpu)).isEqualTo("agent_cpu=0.25:throttle");
        assertThat(LimitSpec.format(state)).isEqualTo("agent_state_bytes=1048576:restart");
        assertThat(LimitSpec.parse(LimitSpec.format(cpu))).isEqualTo(cpu);
        assertThat(LimitSpec.parse(LimitSpec.format(state))).isEqualTo(state);
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> LimitSpec.parse("agent_cpu")).hasMessageContaining("expected <kind>=<threshold>");
        assertThatThrownBy(() -> LimitSpec.parse("agent_gpu=1")).hasMessageContaining("unknown kind 'agent_gpu'")
                .hasMessageContaining("agent_cpu");
        assertThatThrownBy(() -> LimitSpec.parse("agent_cpu=0.2:explode")).hasMessageContaining("unknown action")
                .hasMessageContaining("throttle");
        assertThatThrownBy(() -> LimitSpec.parse("agent_state_bytes=20%")).hasMessageContaining("only for ratios");
        assertThatThrownBy(() -> LimitSpec.parse("agent_cpu=2GiB")).hasMessageContaining("only for byte limits");
        assertThatThrownBy(() -> LimitSpec.parse("agent_state_bytes=2PiB")).hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> LimitSpec.parse("agent_cpu=1-2")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LimitSpec.parse("agent_cpu=20:throttle")).hasMessageContaining("write 20% as 0.2");
        assertThatThrownBy(() -> LimitSpec.parse("agent_input_depth=10:restart"))
                .hasMessageContaining("not an action for AGENT_INPUT_DEPTH");
    }
}
