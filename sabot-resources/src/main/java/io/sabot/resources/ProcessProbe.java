package io.sabot.resources;

import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceFigures;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The worker process's figures through OSHI: {@link ResourceFigures#PROCESS_CPU_RATIO} (CPU time of all its
 * threads since the previous sample, as a share of all the machine's logical processors; unavailable on the first
 * sample), {@link ResourceFigures#PROCESS_RESIDENT_MEMORY_BYTES}, {@link ResourceFigures#PROCESS_THREADS} and
 * {@link ResourceFigures#PROCESS_OPEN_FILES} (unavailable where OSHI cannot count them).
 *
 * <p>OSHI reports process CPU time in milliseconds (ticks of 10 ms on most Linux kernels), so the ratio is coarse
 * over intervals much shorter than a second. One sample reads a few {@code /proc} files on Linux.
 *
 * <p>Thread-safety: safe to call from several threads; the CPU baseline is updated under a lock.
 */
public final class ProcessProbe implements ResourceProbe {

    /** The probe's name. */
    public static final String NAME = "process";

    private final OperatingSystem os;
    private final int pid;
    private final int logicalCpus;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private long previousCpuMillis = -1;
    private long previousNanos;

    /** Creates a probe of the current process on the system clock. */
    public ProcessProbe() {
        this(new SystemInfo(), Clock.systemUTC(), System::nanoTime);
    }

    /**
     * Creates a probe of the current process.
     *
     * @param systemInfo OSHI's entry point; creating one is costly, so share it between probes
     * @param clock      stamps the samples
     * @param nanoTime   a monotonic time source in nanoseconds, for the CPU ratio's interval
     */
    public ProcessProbe(SystemInfo systemInfo, Clock clock, LongSupplier nanoTime) {
        Objects.requireNonNull(systemInfo, "systemInfo");
        this.os = systemInfo.getOperatingSystem();
        this.pid = os.getProcessId();
        this.logicalCpus = Math.max(1, systemInfo.getHardware().getProcessor().getLogicalProcessorCount());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ResourceSample sample() {
        OSProcess process = os.getProcess(pid);
        long now = nanoTime.getAsLong();
        Map<String, Reading> readings = new HashMap<>();
        if (process == null) {
            Reading missing = Reading.unavailable("OSHI could not read process " + pid + " on this platform");
            readings.put(ResourceFigures.PROCESS_CPU_RATIO, missing);
            readings.put(ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES, missing);
            readings.put(ResourceFigures.PROCESS_THREADS, missing);
            readings.put(ResourceFigures.PROCESS_OPEN_FILES, missing);
            return new ResourceSample(NAME, clock.instant(), readings);
        }
        readings.put(ResourceFigures.PROCESS_CPU_RATIO, cpuRatio(process.getKernelTime() + process.getUserTime(), now));
        readings.put(ResourceFigures.PROCESS_RESIDENT_MEMORY_BYTES, Readings.nonNegative(
                process.getResidentMemory(), "resident memory is not reported for this process on this platform"));
        readings.put(ResourceFigures.PROCESS_THREADS, Readings.nonNegative(
                process.getThreadCount(), "thread count is not reported for this process on this platform"));
        readings.put(ResourceFigures.PROCESS_OPEN_FILES, Readings.nonNegative(
                process.getOpenFiles(), "open files are not counted for this process on this platform"));
        return new ResourceSample(NAME, clock.instant(), readings);
    }

    private Reading cpuRatio(long cpuMillis, long now) {
        synchronized (lock) {
            long before = previousCpuMillis;
            long beforeNanos = previousNanos;
            if (before >= 0 && now - beforeNanos <= 0) {
                // Called again within the same tick: keep the older baseline for a meaningful interval.
                return Reading.unavailable("no time has passed since the previous sample");
            }
            previousCpuMillis = cpuMillis;
            previousNanos = now;
            if (before < 0) {
                return Reading.unavailable("the CPU ratio needs two samples; this is the first");
            }
            double cpuNanos = (cpuMillis - before) * 1_000_000.0;
            return Reading.of(Readings.clampRatio(cpuNanos / (now - beforeNanos) / logicalCpus));
        }
    }
}
