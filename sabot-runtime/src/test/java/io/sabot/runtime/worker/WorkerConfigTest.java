package io.sabot.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.resources.BackpressureThresholds;
import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.supervision.RestartIntensity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    private static WorkerConfig.Builder builder() {
        return WorkerConfig.builder("io.sabot.examples.fraud.FraudApp", Path.of("/srv/sabot"));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        WorkerConfig c = builder().build();

        assertThat(c.supervision()).isEqualTo("one_for_one");
        assertThat(c.intensity()).isEqualTo(RestartIntensity.DEFAULT);
        assertThat(c.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.checkpointsRetained()).isEqualTo(3);
        assertThat(c.httpBind().isLoopbackAddress()).isTrue();
        assertThat(c.httpPort()).isEqualTo(WorkerConfig.DEFAULT_HTTP_PORT);
        assertThat(c.resourceInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.statsd()).isEmpty();
        assertThat(c.pushgateway()).isEmpty();
        assertThat(c.checkpointDir()).isEmpty();
        assertThat(c.finalCheckpoint()).isTrue();
    }

    @Test
    void backpressureThresholdsReachTheResourcesModuleOnlyWhenTheyDifferFromTheDefaults() {
        assertThat(builder().build().backpressure()).isEqualTo(BackpressureThresholds.DEFAULT);
        assertThat(Worker.pluginProperties(builder().build())).doesNotContainKey("sabot.resources.backpressure");

        BackpressureThresholds custom = BackpressureThresholds.parse("flow=0.2/0.4/0.6");
        WorkerConfig c = builder().backpressure(custom).build();
        assertThat(c.backpressure()).isEqualTo(custom);
        assertThat(Worker.pluginProperties(c)).containsEntry("sabot.resources.backpressure",
                "resource=0.5/0.7/0.85/0.95,flow=0.2/0.4/0.6");
        assertThatThrownBy(() -> builder().backpressure(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("backpressure");
    }

    @Test
    void aWorkerReplacesThePluginPropertiesOfAnEarlierWorkerButKeepsTheUsers() {
        String backpressure = "sabot.resources.backpressure";
        String statsdHost = "sabot.metrics.statsd.host";
        String before = System.getProperty(statsdHost);
        try {
            System.setProperty(statsdHost, "set-by-the-user");
            Worker.applyPluginProperties(Worker.pluginProperties(builder().statsd("127.0.0.1:8125")
                    .backpressure(BackpressureThresholds.parse("flow=0.2/0.4/0.6")).build()));
            assertThat(System.getProperty(backpressure)).isEqualTo("resource=0.5/0.7/0.85/0.95,flow=0.2/0.4/0.6");
            assertThat(System.getProperty("sabot.metrics.statsd.port")).isEqualTo("8125");

            Worker.applyPluginProperties(Worker.pluginProperties(builder().resourceInterval(Duration.ofSeconds(2))
                    .build()));
            assertThat(System.getProperty(backpressure)).isNull();
            assertThat(System.getProperty("sabot.metrics.statsd.port")).isNull();
            assertThat(System.getProperty("sabot.resources.interval")).isEqualTo("2s");
            assertThat(System.getProperty(statsdHost)).isEqualTo("set-by-the-user");
        } finally {
            Worker.applyPluginProperties(Worker.pluginProperties(builder().build()));
            if (before == null) {
                System.clearProperty(statsdHost);
            } else {
                System.setProperty(statsdHost, before);
            }
        }
    }

    @Test
    void collectsLimitsAndSettings() {
        ResourceLimit cpu = ResourceLimit.of(LimitKind.AGENT_CPU, 0.2, LimitAction.THROTTLE);
        ResourceLimit memory = ResourceLimit.of(LimitKind.WORKER_MEMORY_BYTES, 1e9, LimitAction.WARN);
        WorkerConfig c = builder().limit("detector", cpu).limit(WorkerConfig.WORKER_LIMITS, memory)
                .setting("fraud.fault-rate", "0.01").savepointDir(URI.create("s3://bucket/sp")).build();

        assertThat(c.limits()).containsEntry("detector", java.util.List.of(cpu))
                .containsEntry("*", java.util.List.of(memory));
        assertThat(c.settings()).containsEntry("fraud.fault-rate", "0.01");
        assertThat(c.savepointDir()).hasValue(URI.create("s3://bucket/sp"));
    }

    @Test
    void storeOptionsAreKeptSortedAndTheTextFormShowsNoSecret() {
        WorkerConfig c = builder().storeOption("s3.endpoint", "http://127.0.0.1:9000")
                .storeOptions(java.util.Map.of("s3.secret-access-key", "worker-config-secret", "fs.fsync", "false"))
                .build();

        assertThat(c.storeOptions()).containsExactly(java.util.Map.entry("fs.fsync", "false"),
                java.util.Map.entry("s3.endpoint", "http://127.0.0.1:9000"),
                java.util.Map.entry("s3.secret-access-key", "worker-config-secret"));
        assertThat(c.toString()).contains("storeOptions={fs.fsync=false, s3.endpoint=http://127.0.0.1:9000, "
                + "s3.secret-access-key=********}").doesNotContain("worker-config-secret");
        assertThat(builder().build().storeOptions()).isEmpty();
    }

    @Test
    void aMalformedStoreOptionKeyIsRejectedNamingIt() {
        assertThatThrownBy(() -> builder().storeOption("endpoint", "http://x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store option 'endpoint'");
    }

    @Test
    void recoverAndFromSavepointExcludeEachOther() {
        assertThatThrownBy(() -> builder().recover(true).fromSnapshot("sp-20261203-163512-123-3f9a1c0b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--recover and --from-savepoint");
    }

    @Test
    void badValuesAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> WorkerConfig.builder(" ", Path.of("/x")).build())
                .hasMessageContaining("app class");
        assertThatThrownBy(() -> builder().concurrency(0).build()).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> builder().checkpointsRetained(0).build()).hasMessageContaining("retained");
        assertThatThrownBy(() -> builder().httpPort(65_536).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> builder().resourceInterval(Duration.ZERO).build())
                .hasMessageContaining("resource interval");
        assertThatThrownBy(() -> builder().checkpointInterval(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("checkpoint interval");
    }
}
