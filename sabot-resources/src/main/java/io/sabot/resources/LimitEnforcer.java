package io.sabot.resources;

import io.sabot.api.metrics.Metrics;
import io.sabot.api.metrics.StandardMetrics;
import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.MonitoredAgent;
import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.resources.ResourceSample;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies limits pass after pass, in episodes. An episode of a limit starts when its figure first exceeds the
 * threshold and ends when the figure falls back under it; for THROTTLE it ends only when the figure has stayed
 * comfortably below (under {@code releaseRatio} times the threshold) for {@code releasePasses} passes in a row, since a
 * throttled agent hovers at its limit and one interval of a loaded machine can read low.
 * When an episode starts the violation is logged and counted once in
 * {@code sabot_agent_limit_violations_total{agent,limit}} and the action is taken once: WARN does nothing more,
 * THROTTLE calls {@link MonitoredAgent#throttle(double)} with the threshold (repeated every pass of the episode, so a
 * restarted agent stays throttled; released with a ratio of 1 when the episode ends), RESTART calls
 * {@link MonitoredAgent#requestRestart(String)}, STOP calls {@link MonitoredAgent#requestStop(String)} or, for a
 * worker limit, the {@link WorkerStopHandler}. A figure that could not be measured neither starts nor ends an
 * episode. Worker violations are counted with the agent label {@value #WORKER_LABEL}.
 *
 * <p>The episodes of an agent that stops being listed are kept for {@code forgetAfterPasses} passes, so an agent
 * restarted for its state does not start a new episode (and another restart) the moment it is listed again.
 *
 * <p>Thread-safety: not thread-safe; the monitor calls it from its pass, which is serialised.
 */
final class LimitEnforcer {

    /** The agent label of worker limit violations; agent ids cannot start with an underscore. */
    static final String WORKER_LABEL = "_worker";

    private static final Logger LOG = LoggerFactory.getLogger(LimitEnforcer.class);

    private final Metrics metrics;
    private final WorkerStopHandler workerStop;
    private final double releaseRatio;
    private final int releasePasses;
    private final int forgetAfterPasses;
    private final Map<String, Episodes> agents = new HashMap<>();
    private final Episodes worker = new Episodes();

    LimitEnforcer(Metrics metrics, WorkerStopHandler workerStop, double releaseRatio, int releasePasses,
                  int forgetAfterPasses) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.workerStop = workerStop;
        this.releaseRatio = releaseRatio;
        this.releasePasses = releasePasses;
        this.forgetAfterPasses = forgetAfterPasses;
    }

    /**
     * Applies an agent's limits to its figures of this pass.
     *
     * @param agent   the agent, for its levers
     * @param figures its figures
     * @param limits  its limits
     */
    void enforceAgent(MonitoredAgent agent, AgentFigures figures, List<ResourceLimit> limits) {
        Episodes episodes = agents.computeIfAbsent(agent.id(), id -> new Episodes());
        episodes.absentPasses = 0;
        if (limits.isEmpty() && episodes.open.isEmpty()) {
            return;
        }
        for (ResourceLimit limit : limits) {
            Reading figure = figures.figure(limit.kind());
            int[] below = episodes.open.get(limit);
            if (!figure.isAvailable()) {
                if (below != null && limit.action() == LimitAction.THROTTLE) {
                    agent.throttle(limit.threshold()); // e.g. the first pass on a restarted agent's new thread
                }
                continue;
            }
            double value = figure.value();
            boolean inEpisode = below != null;
            if (!inEpisode && limit.isExceededBy(value)) {
                episodes.open.put(limit, new int[1]);
                startAgentEpisode(agent, limit, value);
            } else if (inEpisode && ends(limit, value, below)) {
                episodes.open.remove(limit);
                endEpisode(agent.id(), limit, value);
                if (limit.action() == LimitAction.THROTTLE) {
                    agent.throttle(1.0);
                }
            } else if (inEpisode && limit.action() == LimitAction.THROTTLE) {
                agent.throttle(limit.threshold());
            }
        }
        // Limits removed while their episode was open: release a throttle and forget them.
        if (episodes.open.size() > 0) {
            Iterator<ResourceLimit> it = episodes.open.keySet().iterator();
            while (it.hasNext()) {
                ResourceLimit limit = it.next();
                if (!limits.contains(limit)) {
                    it.remove();
                    if (limit.action() == LimitAction.THROTTLE) {
                        agent.throttle(1.0);
                    }
                }
            }
        }
    }

    private boolean ends(ResourceLimit limit, double value, int[] below) {
        if (limit.action() == LimitAction.THROTTLE) {
            below[0] = value < limit.threshold() * releaseRatio ? below[0] + 1 : 0;
            return below[0] >= releasePasses;
        }
        return !limit.isExceededBy(value);
    }

    private void startAgentEpisode(MonitoredAgent agent, ResourceLimit limit, double value) {
        String id = agent.id();
        metrics.counter(StandardMetrics.AGENT_LIMIT_VIOLATIONS, id, label(limit.kind())).inc();
        String what = "agent '" + id + "' exceeded its " + describe(limit) + ": measured " + format(value);
        switch (limit.action()) {
            case WARN:
                LOG.warn("{}", what);
                break;
            case THROTTLE:
                LOG.warn("{}; throttling it to {} of a core", what, format(limit.threshold()));
                agent.throttle(limit.threshold());
                break;
            case RESTART:
                LOG.warn("{}; restarting it through its supervisor", what);
                agent.requestRestart(what);
                break;
            case STOP:
            default:
                LOG.warn("{}; stopping it", what);
                agent.requestStop(what);
                break;
        }
    }

    private static void endEpisode(String owner, ResourceLimit limit, double value) {
        LOG.info("{} is back under its {}: measured {}", owner.equals(WORKER_LABEL) ? "the worker" : "agent '"
                + owner + "'", describe(limit), format(value));
    }

    /**
     * Applies the worker's limits to the samples of this pass.
     *
     * @param samples the probes' samples
     * @param limits  the worker's limits
     * @param running the agents, stopped one by one if no worker stop handler was given
     */
    void enforceWorker(List<ResourceSample> samples, List<ResourceLimit> limits,
                       Collection<MonitoredAgent> running) {
        for (ResourceLimit limit : limits) {
            Reading figure = workerFigure(samples, limit.kind());
            if (!figure.isAvailable()) {
                continue;
            }
            double value = figure.value();
            boolean inEpisode = worker.open.containsKey(limit);
            if (!inEpisode && limit.isExceededBy(value)) {
                worker.open.put(limit, new int[1]);
                metrics.counter(StandardMetrics.AGENT_LIMIT_VIOLATIONS, WORKER_LABEL, label(limit.kind())).inc();
                String what = "the worker exceeded its " + describe(limit) + ": measured " + format(value);
                if (limit.action() == LimitAction.STOP) {
                    LOG.error("{}; stopping the worker", what);
                    stopWorker(what, running);
                } else {
                    LOG.warn("{}", what);
                }
            } else if (inEpisode && !limit.isExceededBy(value)) {
                worker.open.remove(limit);
                endEpisode(WORKER_LABEL, limit, value);
            }
        }
        worker.open.keySet().retainAll(limits);
    }

    private void stopWorker(String reason, Collection<MonitoredAgent> running) {
        if (workerStop != null) {
            workerStop.stopWorker(reason);
            return;
        }
        for (MonitoredAgent agent : running) {
            agent.requestStop(reason);
        }
    }

    /**
     * The figure a worker limit is compared with, from whichever probe reports it.
     *
     * @param samples the samples of this pass
     * @param kind    a worker kind
     * @return the reading, or unavailable with the reason
     */
    static Reading workerFigure(List<ResourceSample> samples, LimitKind kind) {
        String name;
        switch (kind) {
            case WORKER_MEMORY_BYTES:
                name = ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES;
                break;
            case WORKER_HEAP_BYTES:
                name = ResourceFigures.JVM_HEAP_USED_BYTES;
                break;
            case WORKER_CPU:
                name = ResourceFigures.PROCESS_CPU_RATIO;
                break;
            default:
                return Reading.unavailable(kind + " is an agent limit, not measured for the worker");
        }
        return figure(samples, name);
    }

    /**
     * A figure from the first sample that measured it.
     *
     * @param samples the samples
     * @param name    the figure's name
     * @return its reading, or an unavailable reading with the last reason seen
     */
    static Reading figure(List<ResourceSample> samples, String name) {
        Reading last = Reading.unavailable("no probe reports " + name);
        for (ResourceSample sample : samples) {
            Reading r = sample.readings().get(name);
            if (r != null) {
                if (r.isAvailable()) {
                    return r;
                }
                last = r;
            }
        }
        return last;
    }

    /**
     * Ages the episodes of agents that were not listed in this pass and forgets those gone for too long.
     *
     * @param listed the ids of the agents listed in this pass
     */
    void endPass(Set<String> listed) {
        Iterator<Map.Entry<String, Episodes>> it = agents.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Episodes> e = it.next();
            if (!listed.contains(e.getKey()) && ++e.getValue().absentPasses > forgetAfterPasses) {
                it.remove();
            }
        }
    }

    /**
     * Tells whether an agent's limit is in an open episode.
     *
     * @param agentId the agent
     * @param limit   the limit
     * @return true while it is exceeded (or, for THROTTLE, not yet released)
     */
    boolean inEpisode(String agentId, ResourceLimit limit) {
        Episodes e = agents.get(agentId);
        return e != null && e.open.containsKey(limit);
    }

    /** {@return how many agents have episode bookkeeping} */
    int trackedAgents() {
        return agents.size();
    }

    static String label(LimitKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String describe(ResourceLimit limit) {
        return label(limit.kind()) + " limit of " + format(limit.threshold()) + " (" + limit.kind().unit()
                + ", action " + limit.action() + ")";
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static final class Episodes {
        /** Open episodes, each with the passes in a row its figure has been comfortably below (THROTTLE). */
        final Map<ResourceLimit, int[]> open = new HashMap<>();
        int absentPasses;
    }
}
