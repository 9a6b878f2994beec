package io.sabot.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LimitKindTest {

    @Test
    void onlyTheCpuKindsAreRatios() {
        assertThat(EnumSet.allOf(LimitKind.class)).filteredOn(LimitKind::isRatio)
                .containsExactlyInAnyOrder(LimitKind.AGENT_CPU, LimitKind.WORKER_CPU);
    }

    @Test
    void agentKindsAndWorkerKindsHaveTheirScope() {
        assertThat(EnumSet.allOf(LimitKind.class)).filteredOn(k -> k.scope() == LimitKind.Scope.AGENT)
                .containsExactlyInAnyOrder(LimitKind.AGENT_CPU, LimitKind.AGENT_STATE_BYTES,
                        LimitKind.AGENT_INPUT_DEPTH);
        assertThat(EnumSet.allOf(LimitKind.class)).filteredOn(k -> k.scope() == LimitKind.Scope.WORKER)
                .containsExactlyInAnyOrder(LimitKind.WORKER_MEMORY_BYTES, LimitKind.WORKER_HEAP_BYTES,
                        LimitKind.WORKER_CPU);
    }

    @Test
    void onlyAgentCpuCanBeThrottled() {
        assertThat(EnumSet.allOf(LimitKind.class)).filteredOn(k -> k.allowedActions().contains(LimitAction.THROTTLE))
                .containsExactly(LimitKind.AGENT_CPU);
    }

    @Test
    void eachKindAllowsTheActionsThatMakeSenseForIt() {
        assertThat(LimitKind.AGENT_CPU.allowedActions()).containsExactlyInAnyOrder(LimitAction.values());
        assertThat(LimitKind.AGENT_STATE_BYTES.allowedActions())
                .containsExactlyInAnyOrder(LimitAction.WARN, LimitAction.RESTART, LimitAction.STOP);
        assertThat(LimitKind.AGENT_INPUT_DEPTH.allowedActions()).containsExactly(LimitAction.WARN);
        assertThat(LimitKind.WORKER_MEMORY_BYTES.allowedActions())
                .containsExactlyInAnyOrder(LimitAction.WARN, LimitAction.STOP);
        assertThat(LimitKind.WORKER_HEAP_BYTES.allowedActions())
                .containsExactlyInAnyOrder(LimitAction.WARN, LimitAction.STOP);
        assertThat(LimitKind.WORKER_CPU.allowedActions()).containsExactly(LimitAction.WARN);
    }

    @ParameterizedTest
    @EnumSource(LimitKind.class)
    void theAllowedActionsAreACopyThatCallersCannotCorrupt(LimitKind kind) {
        kind.allowedActions().clear();

        assertThat(kind.allowedActions()).contains(LimitAction.WARN);
    }

    @Test
    void unitsNameTheFigureMeasured() {
        assertThat(LimitKind.AGENT_CPU.unit()).isEqualTo("ratio of one core");
        assertThat(LimitKind.WORKER_CPU.unit()).isEqualTo("ratio of all cores");
        assertThat(LimitKind.AGENT_STATE_BYTES.unit()).isEqualTo("bytes");
        assertThat(LimitKind.AGENT_INPUT_DEPTH.unit()).isEqualTo("events");
    }
}
