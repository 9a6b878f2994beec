package io.sabot.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackpressureLevelTest {

    @Test
    void levelsAreOrderedFromNoneToCritical() {
        assertThat(BackpressureLevel.values()).containsExactly(BackpressureLevel.NONE, BackpressureLevel.LOW,
                BackpressureLevel.MEDIUM, BackpressureLevel.HIGH, BackpressureLevel.CRITICAL);
    }

    @Test
    void worseReturnsTheHigherOfTwoLevelsWhicheverSideItIsOn() {
        assertThat(BackpressureLevel.LOW.worse(BackpressureLevel.HIGH)).isEqualTo(BackpressureLevel.HIGH);
        assertThat(BackpressureLevel.HIGH.worse(BackpressureLevel.LOW)).isEqualTo(BackpressureLevel.HIGH);
        assertThat(BackpressureLevel.NONE.worse(BackpressureLevel.CRITICAL)).isEqualTo(BackpressureLevel.CRITICAL);
    }

    @ParameterizedTest
    @EnumSource(BackpressureLevel.class)
    void aLevelIsNoWorseThanItself(BackpressureLevel level) {
        assertThat(level.worse(level)).isSameAs(level);
        assertThat(level.worse(BackpressureLevel.NONE)).isSameAs(level);
        assertThat(BackpressureLevel.NONE.worse(level)).isSameAs(level);
    }
}
