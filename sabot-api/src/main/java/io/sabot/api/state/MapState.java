package io.sabot.api.state;

import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * A map of keys to values in an agent's state (keyed state, for example per card or per user).
 *
 * <p>Thread-safety: confined to the agent's thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface MapState<K, V> {

    /**
     * Reads a value.
     *
     * @param key the key
     * @return the value, or null if absent
     */
    V get(K key);

    /**
     * Sets a value.
     *
     * @param key   the key; not null
     * @param value the value; not null
     */
    void put(K key, V value);

    /**
     * Combines a value into the map, as {@link Map#merge}.
     *
     * @param key      the key; not null
     * @param value    the value to store if absent, or to combine with the present one
     * @param combiner combines the present value with {@code value}; a null result removes the key
     * @return the new value, or null if removed
     */
    V merge(K key, V value, BinaryOperator<V> combiner);

    /**
     * Removes a key.
     *
     * @param key the key
     * @return the removed value, or null if absent
     */
    V remove(K key);

    /**
     * Tells whether a key is present.
     *
     * @param key the key
     * @return true if present
     */
    boolean contains(K key);

    /** {@return the number of keys} */
    int size();

    /** {@return a read-only view of the keys} */
    Set<K> keys();

    /** {@return a read-only view of the entries} */
    Set<Map.Entry<K, V>> entries();

    /** Removes every key. */
    void clear();
}
