package io.sabot.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StandardMetricsTest {

    @Test
    void everyNameIsUnique() {
        assertThat(StandardMetrics.ALL).extracting(MetricDescriptor::name).doesNotHaveDuplicates();
    }

    @Test
    void everyNameStartsWithTheSabotPrefix() {
        assertThat(StandardMetrics.ALL).extracting(MetricDescriptor::name).allMatch(n -> n.startsWith("sabot_"));
    }

    @Test
    void allListsEveryDescriptorConstant() throws IllegalAccessException {
        List<Object> constants = new java.util.ArrayList<>();
        for (Field f : StandardMetrics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == MetricDescriptor.class) {
                constants.add(f.get(null));
            }
        }

        assertThat(StandardMetrics.ALL).containsExactlyInAnyOrderElementsOf(
                constants.stream().map(MetricDescriptor.class::cast).collect(Collectors.toList()));
    }

    @Test
    void theCatalogueOfTheDesignIsPresentWithItsLabels() {
        assertThat(StandardMetrics.ALL).extracting(d -> d.name() + d.labelNames()).contains(
                "sabot_events_processed_total[agent, channel]",
                "sabot_errors_total[agent, error_type]",
                "sabot_processing_latency_seconds[agent]",
                "sabot_agent_restarts_total[agent, group, strategy]",
                "sabot_agent_restart_failures_total[agent]",
                "sabot_restart_latency_seconds[group]",
                "sabot_supervisor_escalations_total[group]",
                "sabot_agent_up[agent]",
                "sabot_agent_cpu_ratio[agent]",
                "sabot_agent_allocated_bytes_total[agent]",
                "sabot_agent_state_bytes[agent]",
                "sabot_process_resident_memory_bytes[]",
                "sabot_agent_limit_violations_total[agent, limit]",
                "sabot_agent_backpressure_level[agent]",
                "sabot_agent_backpressured_time_ratio[agent]",
                "sabot_channel_depth[channel]",
                "sabot_channel_capacity[channel]",
                "sabot_checkpoints_total[status]",
                "sabot_checkpoint_duration_seconds[]",
                "sabot_checkpoint_size_bytes[]",
                "sabot_savepoints_total[status]",
                "sabot_savepoint_duration_seconds[]");
    }

    @Test
    void countersEndInTotalAndNothingElseDoes() {
        assertThat(StandardMetrics.ALL).allSatisfy(d ->
                assertThat(d.name().endsWith("_total")).as(d.name()).isEqualTo(d.type() == MetricType.COUNTER));
    }

    @Test
    void helpTextsEndWithAFullStop() {
        assertThat(StandardMetrics.ALL).allSatisfy(d -> assertThat(d.help()).as(d.name()).endsWith("."));
    }
}
