package io.sabot.resources;

import io.sabot.api.resources.Reading;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ThreadMeter} whose figures the test sets per thread. */
final class FakeThreadMeter implements ThreadMeter {

    final Map<Thread, Reading> cpu = new ConcurrentHashMap<>();
    final Map<Thread, Reading> allocated = new ConcurrentHashMap<>();

    void set(Thread t, long cpuNanos, long allocatedBytes) {
        cpu.put(t, Reading.of(cpuNanos));
        allocated.put(t, Reading.of(allocatedBytes));
    }

    @Override
    public Reading cpuNanos(Thread thread) {
        return cpu.getOrDefault(thread, Reading.unavailable("not set by the test"));
    }

    @Override
    public Reading allocatedBytes(Thread thread) {
        return allocated.getOrDefault(thread, Reading.unavailable("not set by the test"));
    }
}
