package io.sabot.api.metrics;

import static io.sabot.api.metrics.MetricType.COUNTER;
import static io.sabot.api.metrics.MetricType.GAUGE;
import static io.sabot.api.metrics.MetricType.HISTOGRAM;
import static io.sabot.api.metrics.MetricType.TIMER;

import java.util.List;

/**
 * The standard catalogue: every metric Sabot itself emits, each recorded by the module where its data lives.
 * The metrics guide ({@code docs/metrics.md}) explains each one.
 */
public final class StandardMetrics {

    // --- runtime ---

    /** Events an agent processed, by input channel. */
    public static final MetricDescriptor EVENTS_PROCESSED = MetricDescriptor.of("sabot_events_processed_total",
            "Events processed by an agent, by input channel.", COUNTER, "agent", "channel");
    /** Failures of an agent while processing, by exception type. */
    public static final MetricDescriptor ERRORS = MetricDescriptor.of("sabot_errors_total",
            "Failures raised by an agent while processing, by exception class.", COUNTER, "agent", "error_type");
    /** Time an agent spent on one event. */
    public static final MetricDescriptor PROCESSING_LATENCY = MetricDescriptor.of("sabot_processing_latency_seconds",
            "Time an agent spent processing one event.", TIMER, "agent");
    /** Events waiting in a channel. */
    public static final MetricDescriptor CHANNEL_DEPTH = MetricDescriptor.of("sabot_channel_depth",
            "Events waiting in a channel.", GAUGE, "channel");
    /** A channel's capacity. */
    public static final MetricDescriptor CHANNEL_CAPACITY = MetricDescriptor.of("sabot_channel_capacity",
            "Events a channel holds before its emitters block.", GAUGE, "channel");
    /** Checkpoints, by outcome (completed, failed). */
    public static final MetricDescriptor CHECKPOINTS = MetricDescriptor.of("sabot_checkpoints_total",
            "Checkpoints by outcome (completed, failed).", COUNTER, "status");
    /** Time from triggering a checkpoint to its metadata being durable. */
    public static final MetricDescriptor CHECKPOINT_DURATION = MetricDescriptor.of("sabot_checkpoint_duration_seconds",
            "Time from triggering a checkpoint to its metadata being durable.", TIMER);
    /** Total size of a completed checkpoint. */
    public static final MetricDescriptor CHECKPOINT_SIZE = MetricDescriptor.of("sabot_checkpoint_size_bytes",
            "Total size of each completed checkpoint.", HISTOGRAM);
    /** Savepoint operations, by outcome. */
    public static final MetricDescriptor SAVEPOINTS = MetricDescriptor.of("sabot_savepoints_total",
            "Savepoints created, by outcome (completed, failed).", COUNTER, "status");
    /** Time to create a savepoint. */
    public static final MetricDescriptor SAVEPOINT_DURATION = MetricDescriptor.of("sabot_savepoint_duration_seconds",
            "Time to create a savepoint.", TIMER);

    // --- supervision ---

    /** Restarts of an agent. */
    public static final MetricDescriptor AGENT_RESTARTS = MetricDescriptor.of("sabot_agent_restarts_total",
            "Restarts of an agent by its supervisor.", COUNTER, "agent", "group", "strategy");
    /** Failed starts during a restart. */
    public static final MetricDescriptor AGENT_RESTART_FAILURES = MetricDescriptor.of(
            "sabot_agent_restart_failures_total", "Starts of an agent that failed during a restart.", COUNTER, "agent");
    /** Time from a child's exit to its replacement running. */
    public static final MetricDescriptor RESTART_LATENCY = MetricDescriptor.of("sabot_restart_latency_seconds",
            "Time from a child's exit to its replacement running.", TIMER, "group");
    /** Supervisors that gave up and escalated. */
    public static final MetricDescriptor SUPERVISOR_ESCALATIONS = MetricDescriptor.of(
            "sabot_supervisor_escalations_total",
            "Times a supervisor exceeded its restart intensity and escalated.", COUNTER, "group");
    /** 1 while an agent runs, 0 otherwise. */
    public static final MetricDescriptor AGENT_UP = MetricDescriptor.of("sabot_agent_up",
            "1 while the agent is running, 0 otherwise.", GAUGE, "agent");

    // --- resources ---

    /** An agent's CPU share of one core. */
    public static final MetricDescriptor AGENT_CPU_RATIO = MetricDescriptor.of("sabot_agent_cpu_ratio",
            "Share of one core used by the agent's thread over the last interval (0..1).", GAUGE, "agent");
    /** Bytes allocated by an agent's thread. */
    public static final MetricDescriptor AGENT_ALLOCATED_BYTES = MetricDescriptor.of(
            "sabot_agent_allocated_bytes_total", "Bytes allocated by the agent's thread.", COUNTER, "agent");
    /** An agent's state size. */
    public static final MetricDescriptor AGENT_STATE_BYTES = MetricDescriptor.of("sabot_agent_state_bytes",
            "Encoded size of the agent's state at its last snapshot.", GAUGE, "agent");
    /** The worker process's resident memory. */
    public static final MetricDescriptor PROCESS_RESIDENT_MEMORY = MetricDescriptor.of(
            "sabot_process_resident_memory_bytes", "Resident memory of the worker process.", GAUGE);
    /** Limit violations, once per episode. */
    public static final MetricDescriptor AGENT_LIMIT_VIOLATIONS = MetricDescriptor.of(
            "sabot_agent_limit_violations_total",
            "Episodes of an agent exceeding a resource limit.", COUNTER, "agent", "limit");
    /** An agent's backpressure level, 0 (NONE) to 4 (CRITICAL). */
    public static final MetricDescriptor AGENT_BACKPRESSURE_LEVEL = MetricDescriptor.of(
            "sabot_agent_backpressure_level",
            "Backpressure level of the agent: 0 none, 1 low, 2 medium, 3 high, 4 critical.", GAUGE, "agent");
    /** Share of time an agent was blocked on a full output channel. */
    public static final MetricDescriptor AGENT_BACKPRESSURED_TIME_RATIO = MetricDescriptor.of(
            "sabot_agent_backpressured_time_ratio",
            "Share of the last interval the agent spent blocked on a full output channel (0..1).", GAUGE, "agent");

    // --- metrics themselves ---

    /** Label sets dropped by the cardinality cap. */
    public static final MetricDescriptor DROPPED_SERIES = MetricDescriptor.of("sabot_metrics_dropped_series_total",
            "Label sets refused because the metric reached its cardinality cap.", COUNTER, "metric");
    /** Failed exports. */
    public static final MetricDescriptor EXPORT_FAILURES = MetricDescriptor.of("sabot_metrics_export_failures_total",
            "Exports that failed, by exporter.", COUNTER, "exporter");

    /** Every descriptor above, in declaration order. */
    public static final List<MetricDescriptor> ALL = List.of(EVENTS_PROCESSED, ERRORS, PROCESSING_LATENCY,
            CHANNEL_DEPTH, CHANNEL_CAPACITY, CHECKPOINTS, CHECKPOINT_DURATION, CHECKPOINT_SIZE, SAVEPOINTS,
            SAVEPOINT_DURATION, AGENT_RESTARTS, AGENT_RESTART_FAILURES, RESTART_LATENCY, SUPERVISOR_ESCALATIONS,
            AGENT_UP, AGENT_CPU_RATIO, AGENT_ALLOCATED_BYTES, AGENT_STATE_BYTES, PROCESS_RESIDENT_MEMORY,
            AGENT_LIMIT_VIOLATIONS, AGENT_BACKPRESSURE_LEVEL, AGENT_BACKPRESSURED_TIME_RATIO, DROPPED_SERIES,
            EXPORT_FAILURES);

    private StandardMetrics() {
    }
}
