package io.sabot.resources;

import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/**
 * The machine's figures through OSHI: {@link ResourceFigures#SYSTEM_CPU_RATIO} (all cores, since the previous
 * sample; unavailable on the first), {@link ResourceFigures#SYSTEM_MEMORY_TOTAL_BYTES} and
 * {@link ResourceFigures#SYSTEM_MEMORY_AVAILABLE_BYTES} (the machine's, as the operating system reports them;
 * inside a container see {@link ContainerProbe}), {@link ResourceFigures#SYSTEM_LOAD_AVERAGE_1M} (unavailable on
 * Windows) and {@link ResourceFigures#SYSTEM_CPUS} (processors available to the JVM, which is container-aware).
 *
 * <p>Thread-safety: safe to call from several threads; the CPU tick baseline is updated under a lock.
 */
public final class SystemProbe implements ResourceProbe {

    /** The probe's name. */
    public static final String NAME = "system";

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final Clock clock;
    private final IntSupplier availableProcessors;
    private final Object lock = new Object();
    private long[] previousTicks;

    /** Creates a probe on the system clock. */
    public SystemProbe() {
        this(new SystemInfo(), Clock.systemUTC());
    }

    /**
     * Creates a probe.
     *
     * @param systemInfo OSHI's entry point; share one between probes
     * @param clock      stamps the samples
     */
    public SystemProbe(SystemInfo systemInfo, Clock clock) {
        this(systemInfo, clock, Runtime.getRuntime()::availableProcessors);
    }

    SystemProbe(SystemInfo systemInfo, Clock clock, IntSupplier availableProcessors) {
        Objects.requireNonNull(systemInfo, "systemInfo");
        this.processor = systemInfo.getHardware().getProcessor();
        this.memory = systemInfo.getHardware().getMemory();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.availableProcessors = Objects.requireNonNull(availableProcessors, "availableProcessors");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ResourceSample sample() {
        Map<String, Reading> readings = new HashMap<>();
        readings.put(ResourceFigures.SYSTEM_CPU_RATIO, cpuRatio(processor.getSystemCpuLoadTicks()));
        readings.put(ResourceFigures.SYSTEM_MEMORY_TOTAL_BYTES,
                Readings.nonNegative(memory.getTotal(), "total memory is not reported on this platform"));
        readings.put(ResourceFigures.SYSTEM_MEMORY_AVAILABLE_BYTES,
                Readings.nonNegative(memory.getAvailable(), "available memory is not reported on this platform"));
        double[] load = processor.getSystemLoadAverage(1);
        readings.put(ResourceFigures.SYSTEM_LOAD_AVERAGE_1M, Readings.nonNegative(load.length > 0 ? load[0] : -1,
                "the load average is not available on this platform"));
        readings.put(ResourceFigures.SYSTEM_CPUS, Reading.of(availableProcessors.getAsInt()));
        return new ResourceSample(NAME, clock.instant(), readings);
    }

    private Reading cpuRatio(long[] ticks) {
        long[] before;
        synchronized (lock) {
            before = previousTicks;
            previousTicks = ticks;
        }
        if (before == null) {
            return Reading.unavailable("the CPU ratio needs two samples; this is the first");
        }
        long elapsed = 0;
        for (int i = 0; i < ticks.length; i++) {
            elapsed += ticks[i] - before[i];
        }
        if (elapsed <= 0) {
            return Reading.unavailable("no CPU ticks have passed since the previous sample");
        }
        return Reading.of(Readings.clampRatio(processor.getSystemCpuLoadBetweenTicks(before, ticks)));
    }
}
