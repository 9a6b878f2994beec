package io.sabot.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The label values of one series, as a hash key. A lookup wraps the caller's array without copying it; a key that
 * is stored is first {@link #detach() detached} so that later changes to the caller's array cannot reach it.
 *
 * <p>Immutable once detached; a lookup key must not outlive the call that made it.
 */
final class LabelKey {

    private final String[] values;
    private final int hash;

    private LabelKey(String[] values, int hash) {
        this.values = values;
        this.hash = hash;
    }

    /**
     * Wraps label values for a lookup, without copying.
     *
     * @param values the values; not changed
     * @return the key
     */
    static LabelKey lookup(String[] values) {
        return new LabelKey(values, Arrays.hashCode(values));
    }

    /** {@return a key holding its own copy of the values, safe to store} */
    LabelKey detach() {
        return new LabelKey(values.clone(), hash);
    }

    /** {@return the values as an immutable list} */
    List<String> toList() {
        return List.of(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelKey key && key.hash == hash && Arrays.equals(key.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
