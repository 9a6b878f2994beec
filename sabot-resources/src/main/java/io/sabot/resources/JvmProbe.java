package io.sabot.resources;

import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JVM's figures through JMX: {@link ResourceFigures#JVM_HEAP_USED_BYTES}, {@link ResourceFigures#JVM_HEAP_MAX_BYTES}
 * (unavailable when the heap has no defined maximum), {@link ResourceFigures#JVM_GC_COLLECTIONS} and
 * {@link ResourceFigures#JVM_GC_SECONDS} (summed over every collector that reports them; unavailable when none
 * does).
 *
 * <p>Thread-safety: stateless apart from the platform beans; safe to call from several threads.
 */
public final class JvmProbe implements ResourceProbe {

    /** The probe's name. */
    public static final String NAME = "jvm";

    private final MemoryMXBean memory;
    private final List<GarbageCollectorMXBean> collectors;
    private final Clock clock;

    /** Creates a probe of this JVM on the system clock. */
    public JvmProbe() {
        this(Clock.systemUTC());
    }

    /**
     * Creates a probe of this JVM.
     *
     * @param clock stamps the samples
     */
    public JvmProbe(Clock clock) {
        this(ManagementFactory.getMemoryMXBean(), ManagementFactory.getGarbageCollectorMXBeans(), clock);
    }

    JvmProbe(MemoryMXBean memory, List<GarbageCollectorMXBean> collectors, Clock clock) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.collectors = List.copyOf(collectors);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ResourceSample sample() {
        Map<String, Reading> readings = new HashMap<>();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        readings.put(ResourceFigures.JVM_HEAP_USED_BYTES,
                Readings.nonNegative(heap.getUsed(), "the JVM does not report its used heap"));
        readings.put(ResourceFigures.JVM_HEAP_MAX_BYTES,
                Readings.nonNegative(heap.getMax(), "the JVM's heap has no defined maximum"));
        long count = -1;
        long millis = -1;
        for (GarbageCollectorMXBean collector : collectors) {
            long c = collector.getCollectionCount();
            long t = collector.getCollectionTime();
            if (c >= 0) {
                count = Math.max(count, 0) + c;
            }
            if (t >= 0) {
                millis = Math.max(millis, 0) + t;
            }
        }
        readings.put(ResourceFigures.JVM_GC_COLLECTIONS,
                Readings.nonNegative(count, "no garbage collector of this JVM reports its collection count"));
        readings.put(ResourceFigures.JVM_GC_SECONDS, Readings.nonNegative(millis < 0 ? -1 : millis / 1000.0,
                "no garbage collector of this JVM reports its collection time"));
        return new ResourceSample(NAME, clock.instant(), readings);
    }
}
