package io.sabot.api.state;

/**
 * One value of an agent's state.
 *
 * <p>Thread-safety: confined to the agent's thread.
 *
 * @param <T> the value type
 */
public interface ValueState<T> {

    /** {@return the value, or null if it was never set or was cleared} */
    T value();

    /**
     * Reads the value with a default.
     *
     * @param defaultValue returned when the state holds no value
     * @return the value, or {@code defaultValue}
     */
    default T valueOr(T defaultValue) {
        T v = value();
        return v == null ? defaultValue : v;
    }

    /**
     * Sets the value.
     *
     * @param value the new value; null clears the state
     */
    void update(T value);

    /** Clears the value. */
    void clear();
}
