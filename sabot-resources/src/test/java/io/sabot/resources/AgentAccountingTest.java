package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.Reading;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgentAccountingTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(SECOND);
    private final FakeThreadMeter meter = new FakeThreadMeter();
    private final AgentAccounting accounting = new AgentAccounting(meter, now::get);

    @Test
    void cpuRatioIsTheThreadsCpuTimeOverTheInterval() {
        Thread t = new Thread(() -> { });
        FakeAgent agent = new FakeAgent("a", t);
        meter.set(t, 100_000_000L, 1_000);
        AgentFigures first = accounting.measure(agent);
        assertThat(first.cpuRatio().unavailableReason()).isEqualTo(AgentAccounting.FIRST);
        assertThat(first.allocatedBytes().value()).isEqualTo(1_000);
        assertThat(first.allocatedSinceLast()).isEqualTo(1_000);
        assertThat(first.backpressuredRatio()).isZero();

        now.addAndGet(2 * SECOND);
        meter.set(t, 600_000_000L, 5_000);
        AgentFigures second = accounting.measure(agent);
        assertThat(second.cpuRatio().value()).isCloseTo(0.25, within(1e-9));
        assertThat(second.allocatedBytes().value()).isEqualTo(5_000);
        assertThat(second.allocatedSinceLast()).isEqualTo(4_000);
        assertThat(accounting.tracked()).isEqualTo(1);
    }

    @Test
    void flowRatioIsTheShareOfTheIntervalBlockedClampedToOne() {
        FakeAgent agent = new FakeAgent("p");
        accounting.measure(agent);
        now.addAndGet(SECOND);
        agent.backpressuredNanos.addAndGet(600_000_000L);
        assertThat(accounting.measure(agent).backpressuredRatio()).isCloseTo(0.6, within(1e-9));
        now.addAndGet(SECOND);
        agent.backpressuredNanos.addAndGet(3 * SECOND); // clock skew: more blocked time than wall time
        assertThat(accounting.measure(agent).backpressuredRatio()).isEqualTo(1.0);
        now.addAndGet(SECOND);
        assertThat(accounting.measure(agent).backpressuredRatio()).isZero();
    }

    @Test
    void anAgentWithoutAThreadSaysItIsNotRunning() {
        FakeAgent agent = new FakeAgent("idle");
        AgentFigures figures = accounting.measure(agent);
        assertThat(figures.cpuRatio().unavailableReason()).isEqualTo(AgentAccounting.NOT_RUNNING);
        assertThat(figures.allocatedBytes().unavailableReason()).isEqualTo(AgentAccounting.NOT_RUNNING);
        assertThat(figures.allocatedSinceLast()).isZero();
        assertThat(figures.stateBytes().unavailableReason()).contains("not snapshotted");
        agent.stateBytes.set(42);
        agent.inputDepth.set(7);
        AgentFigures later = accounting.measure(agent);
        assertThat(later.stateBytes().value()).isEqualTo(42);
        assertThat(later.figure(LimitKind.AGENT_STATE_BYTES).value()).isEqualTo(42);
        assertThat(later.figure(LimitKind.AGENT_INPUT_DEPTH).value()).isEqualTo(7);
        assertThat(later.figure(LimitKind.WORKER_CPU).isAvailable()).isFalse();
        assertThat(later.inputCapacity()).isEqualTo(100);
    }

    @Test
    void aNewThreadStartsANewBaseline() {
        Thread first = new Thread(() -> { });
        Thread second = new Thread(() -> { });
        FakeAgent agent = new FakeAgent("r", first);
        meter.set(first, 5 * SECOND, 10_000);
        accounting.measure(agent);
        now.addAndGet(SECOND);
        agent.thread.set(second);
        meter.set(second, 100_000_000L, 300);
        AgentFigures after = accounting.measure(agent);
        assertThat(after.cpuRatio().unavailableReason()).isEqualTo(AgentAccounting.FIRST);
        assertThat(after.allocatedSinceLast()).isEqualTo(300);
        now.addAndGet(SECOND);
        meter.set(second, 300_000_000L, 800);
        AgentFigures next = accounting.measure(agent);
        assertThat(next.cpuRatio().value()).isCloseTo(0.2, within(1e-9));
        assertThat(next.allocatedSinceLast()).isEqualTo(500);
    }

    @Test
    void unmeasurableFiguresKeepTheMetersReason() {
        Thread t = new Thread(() -> { });
        FakeAgent agent = new FakeAgent("v", t);
        meter.cpu.put(t, Reading.unavailable(JmxThreadMeter.VIRTUAL));
        meter.allocated.put(t, Reading.unavailable(JmxThreadMeter.VIRTUAL));
        accounting.measure(agent);
        now.addAndGet(SECOND);
        AgentFigures figures = accounting.measure(agent);
        assertThat(figures.cpuRatio().unavailableReason()).isEqualTo(JmxThreadMeter.VIRTUAL);
        assertThat(figures.allocatedBytes().unavailableReason()).isEqualTo(JmxThreadMeter.VIRTUAL);
        assertThat(figures.allocatedSinceLast()).isZero();
    }

    @Test
    void sameInstantGivesNoRatioAndRetainForgets() {
        Thread t = new Thread(() -> { });
        FakeAgent agent = new FakeAgent("s", t);
        meter.set(t, 0, 0);
        accounting.measure(agent);
        assertThat(accounting.measure(agent).cpuRatio().isAvailable()).isFalse();
        accounting.retain(Set.of("other"));
        assertThat(accounting.tracked()).isZero();
    }
}
