package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {

    @Test
    void defaultsServeMetricsAndExportNothingElse() {
        MetricsConfig config = MetricsConfig.defaults();
        assertThat(config.maxSeriesPerMetric()).isEqualTo(1000);
        assertThat(config.prometheusEnabled()).isTrue();
        assertThat(config.pushgatewayUrl()).isEmpty();
        assertThat(config.pushgatewayJob()).isEqualTo("sabot");
        assertThat(config.pushgatewayInstance()).isEmpty();
        assertThat(config.pushgatewayLabels()).isEmpty();
        assertThat(config.pushgatewayInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.statsdHost()).isEmpty();
        assertThat(config.statsdPort()).isEqualTo(8125);
        assertThat(config.statsdPrefix()).isEmpty();
        assertThat(config.statsdInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.newPushgatewayExporter()).isEmpty();
        assertThat(config.newStatsdExporter()).isEmpty();
        assertThat(MetricsConfig.fromProperties(new Properties())).isEqualTo(config)
                .hasSameHashCodeAs(config);
        assertThat(config.toString()).contains("pushgateway=off").contains("statsd=off");
    }

    @Test
    void readsEveryKeyFromProperties() {
        Properties p = new Properties();
        p.setProperty("sabot.metrics.max-series-per-metric", "50");
        p.setProperty("sabot.metrics.prometheus.enabled", "FALSE");
        p.setProperty("sabot.metrics.pushgateway.url", "http://gw.example:9091");
        p.setProperty("sabot.metrics.pushgateway.job", "batch");
        p.setProperty("sabot.metrics.pushgateway.instance", "w1");
        p.setProperty("sabot.metrics.pushgateway.interval", "PT30S");
        p.setProperty("sabot.metrics.pushgateway.label.zone", "eu");
        p.setProperty("sabot.metrics.pushgateway.label.app", "billing");
        p.setProperty("sabot.metrics.statsd.host", "statsd.example");
        p.setProperty("sabot.metrics.statsd.port", "9125");
        p.setProperty("sabot.metrics.statsd.prefix", "prod");
        p.setProperty("sabot.metrics.statsd.interval", "5");
        p.setProperty("unrelated", "x");

        MetricsConfig config = MetricsConfig.fromProperties(p);

        assertThat(config.maxSeriesPerMetric()).isEqualTo(50);
        assertThat(config.prometheusEnabled()).isFalse();
        assertThat(config.pushgatewayUrl()).contains(URI.create("http://gw.example:9091"));
        assertThat(config.pushgatewayJob()).isEqualTo("batch");
        assertThat(config.pushgatewayInstance()).contains("w1");
        assertThat(config.pushgatewayInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.pushgatewayLabels()).containsExactly(Map.entry("app", "billing"), Map.entry("zone", "eu"));
        assertThat(config.statsdHost()).contains("statsd.example");
        assertThat(config.statsdPort()).isEqualTo(9125);
        assertThat(config.statsdPrefix()).isEqualTo("prod");
        assertThat(config.statsdInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).contains("gw.example").contains("statsd.example:9125");
        assertThat(config).isNotEqualTo(MetricsConfig.defaults());

        PushgatewayExporter push = config.newPushgatewayExporter().orElseThrow();
        assertThat(push.job()).isEqualTo("batch");
        assertThat(push.groupingKey()).containsExactly(Map.entry("instance", "w1"), Map.entry("app", "billing"),
                Map.entry("zone", "eu"));
        assertThat(config.newStatsdExporter().orElseThrow().name()).isEqualTo("statsd");
    }

    @Test
    void malformedValuesNameTheirKey() {
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("max-series-per-metric", "lots")))
                .hasMessageContaining("sabot.metrics.max-series-per-metric must be a whole number");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("max-series-per-metric", "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("prometheus.enabled", "yes")))
                .hasMessageContaining("sabot.metrics.prometheus.enabled must be true or false");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("pushgateway.url", "http://bad host")))
                .hasMessageContaining("sabot.metrics.pushgateway.url");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("pushgateway.url", "ftp://x")))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("statsd.interval", "soon")))
                .hasMessageContaining("sabot.metrics.statsd.interval must be a duration");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("pushgateway.interval", "0")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("statsd.port", "70000")))
                .hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("statsd.prefix", "a b")))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("pushgateway.label.job", "x")))
                .hasMessageContaining("not be job");
    }

    @Test
    void durationsTakeAUnitOrISO8601() {
        assertThat(MetricsConfig.fromProperties(props("statsd.interval", "15")).statsdInterval())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(MetricsConfig.fromProperties(props("statsd.interval", "15s")).statsdInterval())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(MetricsConfig.fromProperties(props("statsd.interval", "500ms")).statsdInterval())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(MetricsConfig.fromProperties(props("statsd.interval", "5m")).statsdInterval())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(MetricsConfig.fromProperties(props("statsd.interval", "1h")).statsdInterval())
                .isEqualTo(Duration.ofHours(1));
        assertThat(MetricsConfig.fromProperties(props("statsd.interval", "PT1M")).statsdInterval())
                .isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> MetricsConfig.fromProperties(props("statsd.interval", "5d")))
                .hasMessageContaining("got '5d'");
    }

    @Test
    void blankValuesKeepDefaults() {
        assertThat(MetricsConfig.fromProperties(props("statsd.host", "  "))).isEqualTo(MetricsConfig.defaults());
    }

    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty("sabot.metrics." + key, value);
        return p;
    }
}
