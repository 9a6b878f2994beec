package io.sabot.runtime.state;

import io.sabot.api.state.StateCodec;
import io.sabot.api.state.ValueState;
import java.util.Objects;

/**
 * A value state held on the heap, encoded only when snapshotted.
 *
 * <p>Thread-safety: confined to the agent's thread.
 *
 * @param <T> the value type
 */
final class HeapValueState<T> implements ValueState<T> {

    private final StateCodec<T> codec;
    private T value;

    HeapValueState(StateCodec<T> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    StateCodec<T> codec() {
        return codec;
    }

    @Override
    public T value() {
        return value;
    }

    @Override
    public void update(T newValue) {
        this.value = newValue;
    }

    @Override
    public void clear() {
        this.value = null;
    }
}
