package io.sabot.runtime.state;

import io.sabot.api.state.MapState;
import io.sabot.api.state.StateCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * A map state held on the heap in insertion order, encoded only when snapshotted.
 *
 * <p>Thread-safety: confined to the agent's thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class HeapMapState<K, V> implements MapState<K, V> {

    private final StateCodec<K> keyCodec;
    private final StateCodec<V> valueCodec;
    private final Map<K, V> map = new LinkedHashMap<>();

    HeapMapState(StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        this.keyCodec = Objects.requireNonNull(keyCodec, "keyCodec");
        this.valueCodec = Objects.requireNonNull(valueCodec, "valueCodec");
    }

    StateCodec<K> keyCodec() {
        return keyCodec;
    }

    StateCodec<V> valueCodec() {
        return valueCodec;
    }

    Map<K, V> map() {
        return map;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public void put(K key, V value) {
        map.put(Objects.requireNonNull(key, "map state key must not be null"),
                Objects.requireNonNull(value, "map state value must not be null; use remove(key)"));
    }

    @Override
    public V merge(K key, V value, BinaryOperator<V> combiner) {
        return map.merge(Objects.requireNonNull(key, "map state key must not be null"), value, combiner);
    }

    @Override
    public V remove(K key) {
        return map.remove(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<K> keys() {
        return Collections.unmodifiableSet(map.keySet());
    }

    @Override
    public Set<Map.Entry<K, V>> entries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }
}
