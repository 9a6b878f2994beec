package io.sabot.resources;

import static io.sabot.api.resources.LimitAction.RESTART;
import static io.sabot.api.resources.LimitAction.STOP;
import static io.sabot.api.resources.LimitAction.THROTTLE;
import static io.sabot.api.resources.LimitAction.WARN;
import static io.sabot.api.resources.LimitKind.AGENT_CPU;
import static io.sabot.api.resources.LimitKind.AGENT_STATE_BYTES;
import static io.sabot.api.resources.LimitKind.WORKER_MEMORY_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.resources.ResourceLimit;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

    private static final ResourceLimit CPU_WARN = ResourceLimit.of(AGENT_CPU, 0.5, WARN);
    private static final ResourceLimit CPU_THROTTLE = ResourceLimit.of(AGENT_CPU, 0.2, THROTTLE);
    private static final ResourceLimit STATE = ResourceLimit.of(AGENT_STATE_BYTES, 1_000_000, RESTART);
    private static final ResourceLimit MEMORY = ResourceLimit.of(WORKER_MEMORY_BYTES, 4e9, STOP);

    @Test
    void anAgentsOwnLimitReplacesTheEveryAgentLimitOfTheSameKindOnly() {
        ResourceLimits limits = ResourceLimits.builder()
                .everyAgent(CPU_WARN, STATE)
                .agent("fraud", CPU_THROTTLE)
                .worker(MEMORY)
                .build();
        assertThat(limits.forAgent("fraud")).containsExactly(CPU_THROTTLE, STATE);
        assertThat(limits.forAgent("other")).containsExactly(CPU_WARN, STATE);
        assertThat(limits.worker()).containsExactly(MEMORY);
        assertThat(limits.everyAgent()).containsExactly(CPU_WARN, STATE);
        assertThat(limits.agentsWithOwnLimits()).containsExactly("fraud");
        assertThat(limits.isEmpty()).isFalse();
        assertThat(limits.toString()).contains("fraud");
    }

    @Test
    void severalActionsPerKindAreAllowed() {
        ResourceLimits limits = ResourceLimits.builder().agent("a", CPU_WARN, CPU_THROTTLE).build();
        assertThat(limits.forAgent("a")).containsExactly(CPU_WARN, CPU_THROTTLE);
    }

    @Test
    void toBuilderKeepsEverything() {
        ResourceLimits limits = ResourceLimits.builder().everyAgent(STATE).agent("a", CPU_THROTTLE).worker(MEMORY)
                .build();
        ResourceLimits more = limits.toBuilder().agent("b", CPU_WARN).build();
        assertThat(more.forAgent("a")).containsExactly(CPU_THROTTLE, STATE);
        assertThat(more.forAgent("b")).containsExactly(CPU_WARN, STATE);
        assertThat(more.worker()).containsExactly(MEMORY);
    }

    @Test
    void noneIsEmpty() {
        assertThat(ResourceLimits.NONE.isEmpty()).isTrue();
        assertThat(ResourceLimits.NONE.forAgent("x")).isEmpty();
    }

    @Test
    void badLimitsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> ResourceLimits.builder().agent("a", MEMORY))
                .hasMessageContaining("worker limit").hasMessageContaining("worker(...)");
        assertThatThrownBy(() -> ResourceLimits.builder().worker(CPU_WARN))
                .hasMessageContaining("agent limit").hasMessageContaining("everyAgent");
        assertThatThrownBy(() -> ResourceLimits.builder().agent("a", CPU_WARN, ResourceLimit.of(AGENT_CPU, 0.9, WARN)))
                .hasMessageContaining("already has a AGENT_CPU limit with action WARN");
        assertThatThrownBy(() -> ResourceLimits.builder().agent("../etc", CPU_WARN))
                .hasMessageContaining("agent id");
        assertThatThrownBy(() -> ResourceLimits.builder().everyAgent((ResourceLimit) null))
                .hasMessageContaining("is null");
    }
}
