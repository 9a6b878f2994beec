package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.resources.BackpressureThresholds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResourcesConfigTest {

    @Test
    void defaultsAreDocumented() {
        ResourcesConfig c = ResourcesConfig.defaults();
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.thresholds()).isEqualTo(BackpressureThresholds.DEFAULT);
        assertThat(c.limits()).isSameAs(ResourceLimits.NONE);
        assertThat(c.throttleReleaseRatio()).isEqualTo(0.5);
        assertThat(c.forgetAfterPasses()).isEqualTo(60);
        assertThat(c.throttleReleasePasses()).isEqualTo(3);
        assertThat(c.toString()).contains("PT1S");
    }

    @Test
    void toBuilderRoundTrips() {
        ResourcesConfig c = ResourcesConfig.builder().interval(Duration.ofMillis(250)).throttleReleaseRatio(0.8)
                .throttleReleasePasses(5).forgetAfterPasses(0).build();
        ResourcesConfig copy = c.toBuilder().build();
        assertThat(copy.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(copy.throttleReleaseRatio()).isEqualTo(0.8);
        assertThat(copy.forgetAfterPasses()).isZero();
        assertThat(copy.throttleReleasePasses()).isEqualTo(5);
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> ResourcesConfig.builder().interval(Duration.ofMillis(1)))
                .hasMessageContaining("at least 10 ms");
        assertThatThrownBy(() -> ResourcesConfig.builder().throttleReleaseRatio(0))
                .hasMessageContaining("release ratio");
        assertThatThrownBy(() -> ResourcesConfig.builder().throttleReleaseRatio(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourcesConfig.builder().throttleReleasePasses(0))
                .hasMessageContaining("1 or more");
        assertThatThrownBy(() -> ResourcesConfig.builder().forgetAfterPasses(-1))
                .hasMessageContaining("zero or more");
    }
}
