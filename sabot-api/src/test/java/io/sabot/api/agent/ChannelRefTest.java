package io.sabot.api.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelRefTest {

    @Test
    void holdsNameTypeAndCapacity() {
        ChannelRef<String> ref = new ChannelRef<>("transactions", String.class, 16);

        assertThat(ref.name()).isEqualTo("transactions");
        assertThat(ref.type()).isEqualTo(String.class);
        assertThat(ref.capacity()).isEqualTo(16);
    }

    @Test
    void defaultCapacityIs1024() {
        assertThat(ChannelRef.DEFAULT_CAPACITY).isEqualTo(1024);
    }

    @Test
    void aCapacityOfOneIsTheSmallestAccepted() {
        assertThat(new ChannelRef<>("c", Long.class, 1).capacity()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aCapacityBelowOneIsRejected(int capacity) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelRef<>("alerts", String.class, capacity))
                .withMessage("channel 'alerts': capacity must be 1 or more, got " + capacity);
    }

    @Test
    void anInvalidNameIsRejectedAsAChannelName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelRef<>("../alerts", String.class, 8))
                .withMessageStartingWith("invalid channel name '../alerts'");
    }

    @Test
    void aNullTypeIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> new ChannelRef<>("alerts", null, 8))
                .withMessage("channel 'alerts': type must not be null");
    }
}
