package io.sabot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsdNamesTest {

    @Test
    void labelsAreFoldedInOrderAsNameValuePairs() {
        assertThat(StatsdNames.bucket("sabot_events_processed_total", List.of("agent", "channel"),
                List.of("parser", "raw-events"))).isEqualTo("sabot_events_processed_total.agent.parser.channel.raw-events");
    }

    @Test
    void aMetricWithoutLabelsKeepsItsName() {
        assertThat(StatsdNames.bucket("sabot_process_resident_memory_bytes", List.of(), List.of()))
                .isEqualTo("sabot_process_resident_memory_bytes");
    }

    @Test
    void unsafeCharactersBecomeUnderscoresAndEmptyValuesAnUnderscore() {
        assertThat(StatsdNames.sanitise("a.b c:d|e@f#g/h\u00e9\n\"")).isEqualTo("a_b_c_d_e_f_g_h___");
        assertThat(StatsdNames.sanitise("")).isEqualTo("_");
        assertThat(StatsdNames.sanitise("Az09_-")).isEqualTo("Az09_-");
        assertThat(StatsdNames.bucket("m", List.of("k"), List.of(""))).isEqualTo("m.k._");
    }
}
