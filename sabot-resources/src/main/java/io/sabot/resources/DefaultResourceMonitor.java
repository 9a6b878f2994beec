package io.sabot.resources;

import io.sabot.api.metrics.Counter;
import io.sabot.api.metrics.Gauge;
import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.resources.AgentUsage;
import io.sabot.api.resources.BackpressureLevel;
import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.resources.MonitoredAgents;
import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.resources.ResourceMonitor;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource monitor: every interval, on its own daemon thread ({@value #THREAD_NAME}), one <em>pass</em> samples
 * every probe and every agent, applies the limits, computes each agent's {@link AgentUsage} and backpressure level,
 * and updates the standard resource metrics ({@code sabot_agent_cpu_ratio}, {@code sabot_agent_allocated_bytes_total},
 * {@code sabot_agent_state_bytes}, {@code sabot_process_resident_memory_bytes},
 * {@code sabot_agent_limit_violations_total}, {@code sabot_agent_backpressure_level},
 * {@code sabot_agent_backpressured_time_ratio}).
 *
 * <p>The monitor never blocks agents: it only reads their counters and pulls the non-blocking levers of
 * {@link MonitoredAgent}. A probe or an agent that throws is logged and skipped for that pass; the monitor keeps
 * going. A figure that could not be measured removes its gauge series rather than reporting zero.
 *
 * <p>Tests and benchmarks drive passes directly with {@link #runPass(MonitoredAgents)} and an injected clock and
 * time source; {@link #start(MonitoredAgents)} is only needed for the periodic thread.
 *
 * <p>Thread-safety: thread-safe. Passes are serialised; the getters return the last completed pass and never
 * wait for one; {@link #setLimits(ResourceLimits)} takes effect at the next pass.
 */
public final class DefaultResourceMonitor implements ResourceMonitor {

    /** The name of the monitor's thread. */
    public static final String THREAD_NAME = "sabot-resource-monitor";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultResourceMonitor.class);

    private final List<ResourceProbe> probes;
    private final Metrics metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Duration interval;
    private final AgentAccounting accounting;
    private final AgentBackpressure backpressure;
    private final LimitEnforcer enforcer;
    private final Gauge residentMemory;
    private final Map<String, AgentSeries> series = new HashMap<>();
    private final Set<String> failingProbes = new HashSet<>();
    private final Object passLock = new Object();
    private final Object lifecycle = new Object();

    private volatile ResourceLimits limits;
    private volatile Map<String, AgentUsage> usages = Map.of();
    private volatile List<ResourceSample> samples = List.of();
    private volatile long passes;
    private volatile long lastPassNanos;
    private MonitoredAgents agents;
    private ScheduledExecutorService scheduler;
    private boolean closed;

    private DefaultResourceMonitor(Builder b) {
        this.probes = List.copyOf(b.probes != null ? b.probes : StandardProbes.create(b.clock));
        this.metrics = b.metrics;
        this.clock = b.clock;
        this.nanoTime = b.nanoTime;
        this.interval = b.config.interval();
        this.limits = b.config.limits();
        this.accounting = new AgentAccounting(b.threadMeter != null ? b.threadMeter : new JmxThreadMeter(), nanoTime);
        this.backpressure = new AgentBackpressure(b.config.thresholds());
        this.enforcer = new LimitEnforcer(metrics, b.workerStop, b.config.throttleReleaseRatio(),
                b.config.throttleReleasePasses(), b.config.forgetAfterPasses());
        this.residentMemory = metrics.gauge(StandardMetrics.PROCESS_RESIDENT_MEMORY);
    }

    /** {@return a builder with the defaults described on {@link Builder}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a pass now and then every interval on the monitor's daemon thread.
     *
     * @param agents the runtime's agents
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public void start(MonitoredAgents agents) {
        Objects.requireNonNull(agents, "agents");
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the resource monitor is closed; create a new one");
            }
            if (scheduler != null) {
                throw new IllegalStateException("the resource monitor is already started");
            }
            this.agents = agents;
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, THREAD_NAME);
                t.setDaemon(true);
                return t;
            });
            long nanos = interval.toNanos();
            scheduler.scheduleWithFixedDelay(this::scheduledPass, 0, nanos, TimeUnit.NANOSECONDS);
        }
        LOG.info("resource monitor started: a pass every {} ms over {} probes", interval.toMillis(), probes.size());
    }

    private void scheduledPass() {
        try {
            runPass();
        } catch (RuntimeException e) {
            // Never let one bad pass stop the schedule.
            LOG.error("resource monitoring pass failed; the next pass will try again", e);
        }
    }

    /**
     * Runs one pass now, on the calling thread, over the agents given to {@link #start(MonitoredAgents)}.
     *
     * @throws IllegalStateException if the monitor was never started
     */
    public void runPass() {
        MonitoredAgents source;
        synchronized (lifecycle) {
            source = agents;
        }
        if (source == null) {
            throw new IllegalStateException("the resource monitor has no agents yet; call start(agents) or "
                    + "runPass(agents)");
        }
        runPass(source);
    }

    /**
     * Runs one pass now over the given agents, on the calling thread. Passes are serialised.
     *
     * @param source the agents to measure
     */
    public void runPass(MonitoredAgents source) {
        Objects.requireNonNull(source, "source");
        synchronized (passLock) {
            long started = nanoTime.getAsLong();
            List<ResourceSample> taken = sampleProbes();
            Instant at = clock.instant();
            Collection<MonitoredAgent> listed = source.agents();
            ResourceLimits current = limits;
            Map<String, AgentUsage> result = new LinkedHashMap<>();
            Set<String> ids = new HashSet<>();
            for (MonitoredAgent agent : listed) {
                try {
                    AgentUsage usage = measure(agent, at, current.forAgent(agent.id()));
                    result.put(usage.agentId(), usage);
                    ids.add(usage.agentId());
                } catch (RuntimeException e) {
                    LOG.warn("could not measure agent '{}' in this pass", safeId(agent), e);
                }
            }
            enforcer.enforceWorker(taken, current.worker(), listed);
            enforcer.endPass(ids);
            accounting.retain(ids);
            dropGoneSeries(ids);
            Reading rss = LimitEnforcer.figure(taken, ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES);
            if (rss.isAvailable()) {
                residentMemory.set(rss.value());
            }
            samples = List.copyOf(taken);
            usages = Map.copyOf(result);
            passes++;
            lastPassNanos = nanoTime.getAsLong() - started;
        }
    }

    private static String safeId(MonitoredAgent agent) {
        try {
            return agent.id();
        } catch (RuntimeException e) {
            return String.valueOf(agent);
        }
    }

    private List<ResourceSample> sampleProbes() {
        List<ResourceSample> taken = new ArrayList<>(probes.size());
        for (ResourceProbe probe : probes) {
            try {
                taken.add(probe.sample());
                failingProbes.remove(probe.name());
            } catch (RuntimeException e) {
                if (failingProbes.add(probe.name())) {
                    LOG.warn("resource probe '{}' failed; its figures are missing until it recovers", probe.name(), e);
                }
            }
        }
        return taken;
    }

    private AgentUsage measure(MonitoredAgent agent, Instant at, List<ResourceLimit> agentLimits) {
        AgentFigures figures = accounting.measure(agent);
        enforcer.enforceAgent(agent, figures, agentLimits);
        BackpressureLevel level = backpressure.level(figures, agentLimits);
        AgentUsage usage = new AgentUsage(figures.agentId(), at, figures.cpuRatio(), figures.allocatedBytes(),
                figures.stateBytes(), figures.inputDepth(), figures.backpressuredRatio(), level);
        series.computeIfAbsent(figures.agentId(), AgentSeries::new).update(figures, level);
        return usage;
    }

    private void dropGoneSeries(Set<String> ids) {
        Iterator<Map.Entry<String, AgentSeries>> it = series.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, AgentSeries> e = it.next();
            if (!ids.contains(e.getKey())) {
                e.getValue().remove();
                it.remove();
            }
        }
    }

    @Override
    public void limits(Map<String, List<ResourceLimit>> agentLimits, List<ResourceLimit> workerLimits) {
        ResourceLimits.Builder b = ResourceLimits.builder();
        agentLimits.forEach((agent, list) -> b.agent(agent, list.toArray(new ResourceLimit[0])));
        b.worker(workerLimits.toArray(new ResourceLimit[0]));
        setLimits(b.build());
    }

    /**
     * Replaces the limits, for example with those the app builder declared. Takes effect at the next pass; open
     * episodes of limits that no longer exist are closed (and their throttles released).
     *
     * @param limits the new limits
     */
    public void setLimits(ResourceLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** {@return the limits in force} */
    public ResourceLimits limits() {
        return limits;
    }

    @Override
    public Map<String, AgentUsage> agentUsages() {
        return usages;
    }

    @Override
    public List<ResourceSample> samples() {
        return samples;
    }

    /** {@return how many passes have completed} */
    public long passes() {
        return passes;
    }

    /** {@return how long the last pass took, in nanoseconds of wall time} */
    public long lastPassNanos() {
        return lastPassNanos;
    }

    /** {@return the interval between passes} */
    public Duration interval() {
        return interval;
    }

    /** {@return the probes sampled at each pass} */
    public List<ResourceProbe> probes() {
        return probes;
    }

    /**
     * Tells whether an agent's limit is in an open episode (exceeded, or throttled and not yet released).
     *
     * @param agentId the agent
     * @param limit   one of its limits
     * @return true during an episode
     */
    public boolean inEpisode(String agentId, ResourceLimit limit) {
        synchronized (passLock) {
            return enforcer.inEpisode(agentId, limit);
        }
    }

    /** Stops the monitor's thread, waiting briefly for a running pass; idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService toStop;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = scheduler;
            scheduler = null;
        }
        if (toStop != null) {
            toStop.shutdownNow();
            try {
                if (!toStop.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("the resource monitor's pass did not finish within 5 s of closing");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("resource monitor stopped after {} passes", passes);
        }
    }

    /** The metric handles of one agent, looked up once. */
    private final class AgentSeries {
        private final String id;
        private final Counter allocated;
        private final Gauge level;
        private final Gauge flow;
        private Gauge cpu;
        private Gauge state;

        AgentSeries(String id) {
            this.id = id;
            this.allocated = metrics.counter(StandardMetrics.AGENT_ALLOCATED_BYTES, id);
            this.level = metrics.gauge(StandardMetrics.AGENT_BACKPRESSURE_LEVEL, id);
            this.flow = metrics.gauge(StandardMetrics.AGENT_BACKPRESSURED_TIME_RATIO, id);
        }

        void update(AgentFigures figures, BackpressureLevel current) {
            cpu = set(StandardMetrics.AGENT_CPU_RATIO, cpu, figures.cpuRatio());
            state = set(StandardMetrics.AGENT_STATE_BYTES, state, figures.stateBytes());
            if (figures.allocatedSinceLast() > 0) {
                allocated.inc(figures.allocatedSinceLast());
            }
            level.set(current.ordinal());
            flow.set(figures.backpressuredRatio());
        }

        private Gauge set(io.sabot.api.metrics.MetricDescriptor descriptor, Gauge handle, Reading reading) {
            if (!reading.isAvailable()) {
                if (handle != null) {
                    metrics.remove(descriptor, id);
                }
                return null;
            }
            Gauge g = handle != null ? handle : metrics.gauge(descriptor, id);
            g.set(reading.value());
            return g;
        }

        void remove() {
            metrics.remove(StandardMetrics.AGENT_CPU_RATIO, id);
            metrics.remove(StandardMetrics.AGENT_STATE_BYTES, id);
            metrics.remove(StandardMetrics.AGENT_BACKPRESSURE_LEVEL, id);
            metrics.remove(StandardMetrics.AGENT_BACKPRESSURED_TIME_RATIO, id);
        }
    }

    /**
     * Builds a {@link DefaultResourceMonitor}. Defaults: the {@link StandardProbes} (process, system, JVM,
     * container), {@link Metrics#noop()}, the system UTC clock, {@link System#nanoTime()},
     * {@link ResourcesConfig#defaults()} (1 s interval, default thresholds, no limits), a {@link JmxThreadMeter},
     * and, for a worker STOP limit, asking every agent to stop. Not thread-safe.
     */
    public static final class Builder {
        private List<ResourceProbe> probes;
        private Metrics metrics = Metrics.noop();
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private ResourcesConfig config = ResourcesConfig.defaults();
        private ThreadMeter threadMeter;
        private WorkerStopHandler workerStop;

        private Builder() {
        }

        /**
         * Sets the probes sampled at each pass (default: the standard probes).
         *
         * @param probes the probes; may be empty
         * @return this builder
         */
        public Builder probes(Collection<? extends ResourceProbe> probes) {
            this.probes = List.copyOf(probes);
            return this;
        }

        /**
         * Sets where the resource metrics go (default {@link Metrics#noop()}).
         *
         * @param metrics the metrics facade
         * @return this builder
         */
        public Builder metrics(Metrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Sets the clock that stamps usages and samples (default the system UTC clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the monotonic time source, in nanoseconds, that measures intervals (default {@link System#nanoTime()}).
         *
         * @param nanoTime the time source
         * @return this builder
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Sets the interval, thresholds and limits (default {@link ResourcesConfig#defaults()}).
         *
         * @param config the settings
         * @return this builder
         */
        public Builder config(ResourcesConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Sets how agents' threads are measured (default a {@link JmxThreadMeter}).
         *
         * @param meter the meter
         * @return this builder
         */
        public Builder threadMeter(ThreadMeter meter) {
            this.threadMeter = Objects.requireNonNull(meter, "meter");
            return this;
        }

        /**
         * Sets what a worker STOP limit does (default: ask every agent to stop).
         *
         * @param handler stops the worker
         * @return this builder
         */
        public Builder workerStopHandler(WorkerStopHandler handler) {
            this.workerStop = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** {@return the monitor, not yet started} */
        public DefaultResourceMonitor build() {
            return new DefaultResourceMonitor(this);
        }
    }
}
