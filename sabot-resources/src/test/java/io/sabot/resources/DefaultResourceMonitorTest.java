package io.sabot.resources;

import static io.sabot.api.metrics.StandardMetrics.AGENT_ALLOCATED_BYTES;
import static io.sabot.api.metrics.StandardMetrics.AGENT_BACKPRESSURED_TIME_RATIO;
import static io.sabot.api.metrics.StandardMetrics.AGENT_BACKPRESSURE_LEVEL;
import static io.sabot.api.metrics.StandardMetrics.AGENT_CPU_RATIO;
import static io.sabot.api.metrics.StandardMetrics.AGENT_LIMIT_VIOLATIONS;
import static io.sabot.api.metrics.StandardMetrics.AGENT_STATE_BYTES;
import static io.sabot.api.metrics.StandardMetrics.PROCESS_RESIDENT_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.sabot.api.resources.AgentUsage;
import io.sabot.api.resources.BackpressureLevel;
import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.resources.MonitoredAgents;
import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import io.sabot.tck.metrics.RecordingMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DefaultResourceMonitorTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(SECOND);
    private final FakeThreadMeter meter = new FakeThreadMeter();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final FixedProbe probe = new FixedProbe("fixed");
    private final List<MonitoredAgent> agents = new CopyOnWriteArrayList<>();
    private final MonitoredAgents source = () -> new ArrayList<>(agents);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    /** A probe whose readings the test sets. */
    static final class FixedProbe implements ResourceProbe {
        final String name;
        final Map<String, Reading> readings = new ConcurrentHashMap<>();
        volatile boolean fail;

        FixedProbe(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ResourceSample sample() {
            if (fail) {
                throw new IllegalStateException("probe broke");
            }
            return new ResourceSample(name, Instant.EPOCH, readings);
        }
    }

    private DefaultResourceMonitor monitor(ResourceLimits limits) {
        return monitor(limits, null);
    }

    private DefaultResourceMonitor monitor(ResourceLimits limits, WorkerStopHandler stop) {
        DefaultResourceMonitor.Builder b = DefaultResourceMonitor.builder()
                .probes(List.of(probe))
                .metrics(metrics)
                .clock(clock)
                .nanoTime(now::get)
                .threadMeter(meter)
                .config(ResourcesConfig.builder().limits(limits).forgetAfterPasses(2).build());
        if (stop != null) {
            b.workerStopHandler(stop);
        }
        return b.build();
    }

    /** An agent on a thread whose CPU time the test advances. */
    private FakeAgent agent(String id) {
        Thread t = new Thread(() -> { }, id);
        meter.set(t, 0, 0);
        FakeAgent a = new FakeAgent(id, t);
        agents.add(a);
        return a;
    }

    /** Advances one second during which the agent used {@code cpu} of a core. */
    private void second(FakeAgent agent, double cpu) {
        Thread t = agent.thread.get();
        long before = (long) meter.cpu.get(t).value();
        meter.set(t, before + (long) (cpu * SECOND), (long) meter.allocated.get(t).value() + 1000);
        now.addAndGet(SECOND);
    }

    @Test
    void warnIsCountedOncePerEpisode() {
        ResourceLimit cpu = ResourceLimit.of(LimitKind.AGENT_CPU, 0.5, LimitAction.WARN);
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder().agent("a", cpu).build());
        FakeAgent a = agent("a");
        monitor.runPass(source);
        for (int i = 0; i < 3; i++) {
            second(a, 0.8);
            monitor.runPass(source);
        }
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "a", "agent_cpu")).isEqualTo(1);
        assertThat(monitor.inEpisode("a", cpu)).isTrue();
        second(a, 0.3);
        monitor.runPass(source);
        assertThat(monitor.inEpisode("a", cpu)).isFalse();
        second(a, 0.9);
        monitor.runPass(source);
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "a", "agent_cpu")).isEqualTo(2);
        assertThat(a.throttles).isEmpty();
        assertThat(a.restarts).isEmpty();
        assertThat(a.stops).isEmpty();
    }

    @Test
    void throttleHoldsUntilTheAgentIsComfortablyBelow() {
        ResourceLimit cpu = ResourceLimit.of(LimitKind.AGENT_CPU, 0.2, LimitAction.THROTTLE);
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder().everyAgent(cpu).build());
        FakeAgent a = agent("busy");
        monitor.runPass(source);
        second(a, 0.9);
        monitor.runPass(source);
        assertThat(a.throttles).containsExactly(0.2);
        // Throttled, it hovers around its limit: still throttled, not a new episode.
        second(a, 0.19);
        monitor.runPass(source);
        second(a, 0.22);
        monitor.runPass(source);
        assertThat(a.throttles).containsOnly(0.2).hasSize(3);
        // Restarted on a new thread: no CPU ratio yet, but the throttle is kept on.
        Thread fresh = new Thread(() -> { }, "busy-2");
        meter.set(fresh, 0, 0);
        a.thread.set(fresh);
        now.addAndGet(SECOND);
        monitor.runPass(source);
        assertThat(a.throttles).containsOnly(0.2).hasSize(4);
        assertThat(monitor.inEpisode("busy", cpu)).isTrue();
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "busy", "agent_cpu")).isEqualTo(1);
        // Well below (under half the limit) for three passes in a row: released. One low reading is not enough.
        second(a, 0.05);
        monitor.runPass(source);
        second(a, 0.05);
        monitor.runPass(source);
        second(a, 0.15);
        monitor.runPass(source);
        assertThat(monitor.inEpisode("busy", cpu)).isTrue();
        assertThat(a.throttles).doesNotContain(1.0);
        for (int i = 0; i < 3; i++) {
            second(a, 0.05);
            monitor.runPass(source);
        }
        assertThat(a.throttles).endsWith(1.0);
        assertThat(monitor.inEpisode("busy", cpu)).isFalse();
    }

    @Test
    void removingAThrottleLimitReleasesTheThrottle() {
        ResourceLimit cpu = ResourceLimit.of(LimitKind.AGENT_CPU, 0.2, LimitAction.THROTTLE);
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder().agent("a", cpu).build());
        FakeAgent a = agent("a");
        monitor.runPass(source);
        second(a, 0.9);
        monitor.runPass(source);
        monitor.setLimits(ResourceLimits.NONE);
        assertThat(monitor.limits().isEmpty()).isTrue();
        second(a, 0.9);
        monitor.runPass(source);
        assertThat(a.throttles).containsExactly(0.2, 1.0);
    }

    @Test
    void restartIsRequestedOncePerEpisode() {
        ResourceLimit state = ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 1000, LimitAction.RESTART);
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder().agent("s", state).build());
        FakeAgent a = agent("s");
        a.stateBytes.set(500);
        monitor.runPass(source);
        a.stateBytes.set(2000);
        monitor.runPass(source);
        monitor.runPass(source);
        assertThat(a.restarts).hasSize(1);
        assertThat(a.restarts.get(0)).contains("agent 's' exceeded its agent_state_bytes limit of 1000");
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "s", "agent_state_bytes")).isEqualTo(1);
        // The agent is not listed while it restarts: the episode is kept, no second restart.
        agents.clear();
        monitor.runPass(source);
        agents.add(a);
        monitor.runPass(source);
        assertThat(a.restarts).hasSize(1);
        a.stateBytes.set(10);
        monitor.runPass(source);
        a.stateBytes.set(5000);
        monitor.runPass(source);
        assertThat(a.restarts).hasSize(2);
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "s", "agent_state_bytes")).isEqualTo(2);
    }

    @Test
    void anAgentAbsentForLongIsForgotten() {
        ResourceLimit state = ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 1000, LimitAction.RESTART);
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder().agent("s", state).build());
        FakeAgent a = agent("s");
        a.stateBytes.set(5000);
        monitor.runPass(source);
        agents.clear();
        for (int i = 0; i < 3; i++) {
            monitor.runPass(source);
        }
        assertThat(monitor.inEpisode("s", state)).isFalse();
        assertThat(monitor.agentUsages()).isEmpty();
    }

    @Test
    void stopAndInputDepthLimits() {
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder()
                .agent("x", ResourceLimit.of(LimitKind.AGENT_CPU, 0.5, LimitAction.STOP),
                        ResourceLimit.of(LimitKind.AGENT_INPUT_DEPTH, 50, LimitAction.WARN))
                .build());
        FakeAgent x = agent("x");
        x.inputDepth.set(80);
        monitor.runPass(source);
        second(x, 0.7);
        monitor.runPass(source);
        assertThat(x.stops).hasSize(1);
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "x", "agent_input_depth")).isEqualTo(1);
        assertThat(monitor.agentUsages().get("x").inputDepth()).isEqualTo(80);
    }

    @Test
    void workerLimitsWarnAndStop() {
        List<String> stopped = new CopyOnWriteArrayList<>();
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder()
                .worker(ResourceLimit.of(LimitKind.WORKER_MEMORY_BYTES, 1000, LimitAction.WARN),
                        ResourceLimit.of(LimitKind.WORKER_HEAP_BYTES, 500, LimitAction.STOP),
                        ResourceLimit.of(LimitKind.WORKER_CPU, 0.9, LimitAction.WARN))
                .build(), stopped::add);
        probe.readings.put(ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES, Reading.of(2000));
        probe.readings.put(ResourceFigures.JVM_HEAP_USED_BYTES, Reading.of(100));
        probe.readings.put(ResourceFigures.PROCESS_CPU_RATIO, Reading.unavailable("first"));
        monitor.runPass(source);
        monitor.runPass(source);
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "_worker", "worker_memory_bytes")).isEqualTo(1);
        assertThat(metrics.gaugeValue(PROCESS_RESIDENT_MEMORY)).hasValue(2000.0);
        assertThat(stopped).isEmpty();
        probe.readings.put(ResourceFigures.JVM_HEAP_USED_BYTES, Reading.of(800));
        monitor.runPass(source);
        monitor.runPass(source);
        assertThat(stopped).hasSize(1);
        assertThat(stopped.get(0)).contains("worker_heap_bytes");
        probe.readings.put(ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES, Reading.of(10));
        monitor.runPass(source);
        probe.readings.put(ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES, Reading.of(3000));
        monitor.runPass(source);
        assertThat(metrics.count(AGENT_LIMIT_VIOLATIONS, "_worker", "worker_memory_bytes")).isEqualTo(2);
        assertThat(monitor.samples()).hasSize(1);
    }

    @Test
    void aWorkerStopWithoutAHandlerStopsEveryAgent() {
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder()
                .worker(ResourceLimit.of(LimitKind.WORKER_MEMORY_BYTES, 1000, LimitAction.STOP)).build());
        FakeAgent a = agent("a");
        FakeAgent b = agent("b");
        probe.readings.put(ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES, Reading.of(2000));
        monitor.runPass(source);
        assertThat(a.stops).hasSize(1);
        assertThat(b.stops).hasSize(1);
    }

    @Test
    void usagesAndMetricsReflectEachAgent() {
        DefaultResourceMonitor monitor = monitor(ResourceLimits.builder()
                .everyAgent(ResourceLimit.of(LimitKind.AGENT_STATE_BYTES, 1000, LimitAction.WARN)).build());
        FakeAgent a = agent("a");
        a.stateBytes.set(900);
        monitor.runPass(source);
        AgentUsage first = monitor.agentUsages().get("a");
        assertThat(first.cpuRatio().isAvailable()).isFalse();
        assertThat(metrics.gaugeValue(AGENT_CPU_RATIO, "a")).isEmpty();
        second(a, 0.4);
        a.backpressuredNanos.addAndGet(SECOND / 4);
        monitor.runPass(source);
        AgentUsage usage = monitor.agentUsages().get("a");
        assertThat(usage.at()).isEqualTo(clock.instant());
        assertThat(usage.cpuRatio().value()).isCloseTo(0.4, within(1e-9));
        assertThat(usage.backpressuredRatio()).isCloseTo(0.25, within(1e-9));
        assertThat(usage.backpressure()).isEqualTo(BackpressureLevel.HIGH); // state at 0.9 of its limit
        assertThat(metrics.gaugeValue(AGENT_CPU_RATIO, "a")).hasValueCloseTo(0.4, within(1e-9));
        assertThat(metrics.gaugeValue(AGENT_STATE_BYTES, "a")).hasValue(900.0);
        assertThat(metrics.gaugeValue(AGENT_BACKPRESSURE_LEVEL, "a")).hasValue(3.0);
        assertThat(metrics.gaugeValue(AGENT_BACKPRESSURED_TIME_RATIO, "a")).hasValueCloseTo(0.25, within(1e-9));
        assertThat(metrics.count(AGENT_ALLOCATED_BYTES, "a")).isEqualTo(1000);
        assertThat(monitor.passes()).isEqualTo(2);
        assertThat(monitor.lastPassNanos()).isGreaterThanOrEqualTo(0);

        // A figure that becomes unmeasurable disappears from the metrics rather than reading zero.
        a.thread.set(null);
        now.addAndGet(SECOND);
        monitor.runPass(source);
        assertThat(metrics.gaugeValue(AGENT_CPU_RATIO, "a")).isEmpty();
        a.stateBytes.set(-1);
        monitor.runPass(source);
        assertThat(metrics.gaugeValue(AGENT_STATE_BYTES, "a")).isEmpty();

        // An agent that is gone loses its gauges and its usage.
        agents.clear();
        monitor.runPass(source);
        assertThat(monitor.agentUsages()).isEmpty();
        assertThat(metrics.gaugeValue(AGENT_BACKPRESSURE_LEVEL, "a")).isEmpty();
    }

    @Test
    void aFailingProbeOrAgentIsSkipped() {
        DefaultResourceMonitor monitor = monitor(ResourceLimits.NONE);
        FixedProbe good = new FixedProbe("good");
        good.readings.put(ResourceFigures.PROCESS_THREADS, Reading.of(3));
        probe.fail = true;
        DefaultResourceMonitor two = DefaultResourceMonitor.builder().probes(List.of(probe, good)).metrics(metrics)
                .threadMeter(meter).build();
        agent("ok");
        agents.add(new FakeAgent("bad") {
            @Override
            public long backpressuredNanos() {
                throw new IllegalStateException("agent broke");
            }
        });
        two.runPass(source);
        two.runPass(source);
        assertThat(two.samples()).extracting(ResourceSample::probe).containsExactly("good");
        assertThat(two.agentUsages()).containsOnlyKeys("ok");
        probe.fail = false;
        two.runPass(source);
        assertThat(two.samples()).extracting(ResourceSample::probe).containsExactly("fixed", "good");
        monitor.close();
        two.close();
    }

    @Test
    void startRunsPassesOnItsOwnThreadUntilClosed() {
        DefaultResourceMonitor monitor = DefaultResourceMonitor.builder()
                .probes(List.of(probe)).metrics(metrics).threadMeter(meter)
                .config(ResourcesConfig.builder().interval(Duration.ofMillis(20)).build())
                .build();
        assertThat(monitor.interval()).isEqualTo(Duration.ofMillis(20));
        assertThat(monitor.probes()).containsExactly(probe);
        assertThatThrownBy(monitor::runPass).hasMessageContaining("no agents yet");
        List<String> threads = new CopyOnWriteArrayList<>();
        agents.add(new FakeAgent("t") {
            @Override
            public long backpressuredNanos() {
                threads.add(Thread.currentThread().getName());
                return 0;
            }
        });
        monitor.start(source);
        try {
            assertThatThrownBy(() -> monitor.start(source)).hasMessageContaining("already started");
            await().atMost(Duration.ofSeconds(30)).until(() -> monitor.passes() >= 3);
            assertThat(threads).contains(DefaultResourceMonitor.THREAD_NAME);
            assertThat(monitor.agentUsages()).containsKey("t");
            long before = monitor.passes();
            monitor.runPass();
            assertThat(monitor.passes()).isGreaterThan(before);
        } finally {
            monitor.close();
        }
        monitor.close();
        long passes = monitor.passes();
        assertThat(monitor.passes()).isEqualTo(passes);
        assertThatThrownBy(() -> monitor.start(source)).hasMessageContaining("closed");
    }

    @Test
    void aPassThatThrowsDoesNotStopTheSchedule() {
        AtomicLong calls = new AtomicLong();
        DefaultResourceMonitor monitor = DefaultResourceMonitor.builder()
                .probes(List.of()).threadMeter(meter)
                .config(ResourcesConfig.builder().interval(Duration.ofMillis(10)).build())
                .build();
        monitor.start(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("runtime broke");
        });
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() >= 3);
        } finally {
            monitor.close();
        }
    }

    @Test
    void defaultsBuildTheStandardProbes() {
        try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder().build()) {
            assertThat(monitor.probes()).extracting(ResourceProbe::name)
                    .containsExactly("process", "system", "jvm", "container");
            assertThat(monitor.interval()).isEqualTo(ResourcesConfig.DEFAULT_INTERVAL);
            monitor.runPass(List::of);
            assertThat(monitor.samples()).hasSize(4);
        }
    }
}
