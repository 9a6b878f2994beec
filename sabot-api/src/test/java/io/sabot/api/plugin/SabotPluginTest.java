package io.sabot.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SabotPluginTest {

    static final class SupervisionPlugin implements SabotPlugin {
    }

    @Test
    void aPluginIsNamedByItsSimpleClassNameByDefault() {
        assertThat(new SupervisionPlugin().pluginName()).isEqualTo("SupervisionPlugin");
    }
}
