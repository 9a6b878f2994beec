package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SabotHomeTest {

    @Test
    void defaultsToDotSabotInTheUsersHomeNeverTmp() {
        SabotHome home = SabotHome.resolve(Map.of(), "/home/ada");
        assertThat(home.root()).isEqualTo(Path.of("/home/ada/.sabot"));
    }

    @Test
    void sabotHomeOverridesTheDefault() {
        SabotHome home = SabotHome.resolve(Map.of("SABOT_HOME", "/srv/sabot"), "/home/ada");
        assertThat(home.root()).isEqualTo(Path.of("/srv/sabot"));
        assertThat(home.checkpoints("fraud-app")).isEqualTo(Path.of("/srv/sabot/apps/fraud-app/checkpoints"));
        assertThat(home.savepoints("fraud-app")).isEqualTo(Path.of("/srv/sabot/apps/fraud-app/savepoints"));
    }

    @Test
    void anAppIdCannotEscapeTheDataDirectory() {
        SabotHome home = SabotHome.resolve(Map.of(), "/home/ada");
        assertThatThrownBy(() -> home.app("../etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid app id");
    }
}
