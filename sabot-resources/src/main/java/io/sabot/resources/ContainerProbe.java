package io.sabot.resources;

import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import oshi.SystemInfo;

/**
 * The container's memory limit, where the JVM exposes it: {@link ResourceFigures#CONTAINER_MEMORY_LIMIT_BYTES}.
 *
 * <p>The JVM's {@code com.sun.management.OperatingSystemMXBean#getTotalMemorySize()} is container-aware (it reports
 * the cgroup memory limit when there is one), while OSHI reads the machine's memory. When the JVM sees less memory
 * than the machine has, the difference is a container limit and the probe reports it; otherwise the figure is
 * unavailable, with the reason (no limit, container support disabled with {@code -XX:-UseContainerSupport}, or a
 * JVM without the {@code com.sun.management} extension). The processors available to the JVM, which honour a CPU
 * quota, are {@link ResourceFigures#SYSTEM_CPUS} of the {@link SystemProbe}.
 *
 * <p>Thread-safety: stateless; safe to call from several threads.
 */
public final class ContainerProbe implements ResourceProbe {

    /** The probe's name. */
    public static final String NAME = "container";

    private final LongSupplier machineMemoryBytes;
    private final LongSupplier jvmMemoryBytes;
    private final Clock clock;

    /** Creates a probe on the system clock. */
    public ContainerProbe() {
        this(new SystemInfo(), Clock.systemUTC());
    }

    /**
     * Creates a probe.
     *
     * @param systemInfo OSHI's entry point, for the machine's memory; share one between probes
     * @param clock      stamps the samples
     */
    public ContainerProbe(SystemInfo systemInfo, Clock clock) {
        this(systemInfo.getHardware().getMemory()::getTotal,
                jvmTotalMemory(ManagementFactory.getOperatingSystemMXBean()), clock);
    }

    ContainerProbe(LongSupplier machineMemoryBytes, LongSupplier jvmMemoryBytes, Clock clock) {
        this.machineMemoryBytes = Objects.requireNonNull(machineMemoryBytes, "machineMemoryBytes");
        this.jvmMemoryBytes = Objects.requireNonNull(jvmMemoryBytes, "jvmMemoryBytes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static LongSupplier jvmTotalMemory(OperatingSystemMXBean bean) {
        if (bean instanceof com.sun.management.OperatingSystemMXBean) {
            com.sun.management.OperatingSystemMXBean extended = (com.sun.management.OperatingSystemMXBean) bean;
            return extended::getTotalMemorySize;
        }
        return () -> -1;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ResourceSample sample() {
        return new ResourceSample(NAME, clock.instant(),
                Map.of(ResourceFigures.CONTAINER_MEMORY_LIMIT_BYTES, memoryLimit()));
    }

    private Reading memoryLimit() {
        long jvm = jvmMemoryBytes.getAsLong();
        if (jvm <= 0) {
            return Reading.unavailable("this JVM does not expose its memory size (no com.sun.management extension)");
        }
        long machine = machineMemoryBytes.getAsLong();
        if (machine <= 0) {
            return Reading.unavailable("the machine's memory is not reported on this platform");
        }
        if (jvm < machine) {
            return Reading.of(jvm);
        }
        return Reading.unavailable("no container memory limit: the JVM sees all of the machine's memory "
                + "(not in a container, no limit set, or -XX:-UseContainerSupport)");
    }
}
