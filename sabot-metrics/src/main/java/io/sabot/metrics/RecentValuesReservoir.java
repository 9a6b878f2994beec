package io.sabot.metrics;

import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.UniformSnapshot;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Dropwizard {@link Reservoir} of the most recent values: a ring of fixed size that each update overwrites in
 * turn, without locks. Its snapshot copies the ring into a primitive array and sorts it, which keeps rendering
 * thousands of timers fast (Dropwizard's exponentially decaying reservoirs sort boxed, weighted samples).
 *
 * <p>Quantiles therefore describe the last {@code size} values, however old: for an agent handling thousands of
 * events a second that is the last fraction of a second, for a quiet one possibly minutes.
 *
 * <p>Thread-safety: updates from any number of threads are lock-free; a snapshot taken during updates may mix
 * values from just before and just after them.
 */
final class RecentValuesReservoir implements Reservoir {

    private final AtomicLongArray values;
    private final AtomicLong updates = new AtomicLong();

    /**
     * Creates a reservoir.
     *
     * @param size how many recent values it keeps; one or more
     */
    RecentValuesReservoir(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("reservoir size must be at least 1, got " + size);
        }
        this.values = new AtomicLongArray(size);
    }

    @Override
    public int size() {
        return (int) Math.min(updates.get(), values.length());
    }

    @Override
    public void update(long value) {
        long index = updates.getAndIncrement();
        values.lazySet((int) (index % values.length()), value);
    }

    @Override
    public Snapshot getSnapshot() {
        return new UniformSnapshot(copy());
    }

    /**
     * Quantiles of the current values, equal to those of {@link #getSnapshot()} (Dropwizard's
     * {@link UniformSnapshot#getValue(double)}: linear interpolation at position {@code q * (n + 1)}), computed by
     * selection in linear time instead of a full sort.
     *
     * @param quantiles each in 0..1
     * @return one value per quantile; zeros when the reservoir is empty
     */
    double[] quantiles(double[] quantiles) {
        long[] a = copy();
        int n = a.length;
        double[] out = new double[quantiles.length];
        if (n == 0) {
            return out;
        }
        int last = n - 1;
        for (int q = 0; q < quantiles.length; q++) {
            double pos = quantiles[q] * (n + 1);
            int index = (int) pos;
            if (index < 1) {
                out[q] = min(a, 0, last);
            } else if (index >= n) {
                out[q] = max(a, 0, last);
            } else {
                select(a, 0, last, index - 1);
                double lower = a[index - 1];
                double upper = min(a, index, last); // the value of rank index: the least of those after it
                out[q] = lower + (pos - Math.floor(pos)) * (upper - lower);
            }
        }
        return out;
    }

    private long[] copy() {
        int n = size();
        long[] copy = new long[n];
        for (int i = 0; i < n; i++) {
            copy[i] = values.get(i);
        }
        return copy;
    }

    /** Moves the value of rank {@code k} (0-based, within {@code [lo, hi]}) to {@code a[k]}, smaller ones before. */
    static void select(long[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, lo, mid);
            }
            if (a[hi] < a[lo]) {
                swap(a, lo, hi);
            }
            if (a[hi] < a[mid]) {
                swap(a, mid, hi);
            }
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return; // a[k] equals the pivot, in place
            }
        }
    }

    private static long min(long[] a, int from, int to) {
        long m = a[from];
        for (int i = from + 1; i <= to; i++) {
            m = Math.min(m, a[i]);
        }
        return m;
    }

    private static long max(long[] a, int from, int to) {
        long m = a[from];
        for (int i = from + 1; i <= to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
