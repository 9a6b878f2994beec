package io.sabot.api.resources;

/**
 * The names of the standard figures in a {@link ResourceSample}. Each name ends in its unit. A probe may add
 * figures of its own; it should follow the same convention (snake case, base unit as suffix).
 */
public final class ResourceFigures {

    /** The process's CPU use over the last interval, as a share of all the machine's cores (0..1). */
    public static final String PROCESS_CPU_RATIO = "process_cpu_ratio";
    /** The process's resident memory, in bytes. */
    public static final String PROCESS_RESIDENT_MEMORY_BYTES = "process_resident_memory_bytes";
    /** The process's live threads. */
    public static final String PROCESS_THREADS = "process_threads";
    /** The process's open file descriptors. */
    public static final String PROCESS_OPEN_FILES = "process_open_files";
    /** The machine's CPU use over the last interval, as a share of all its cores (0..1). */
    public static final String SYSTEM_CPU_RATIO = "system_cpu_ratio";
    /** The machine's (or container's) total memory, in bytes. */
    public static final String SYSTEM_MEMORY_TOTAL_BYTES = "system_memory_total_bytes";
    /** The machine's available memory, in bytes. */
    public static final String SYSTEM_MEMORY_AVAILABLE_BYTES = "system_memory_available_bytes";
    /** The one-minute load average. */
    public static final String SYSTEM_LOAD_AVERAGE_1M = "system_load_average_1m";
    /** The number of processors available to the JVM (container-aware). */
    public static final String SYSTEM_CPUS = "system_cpus";
    /** The JVM's used heap, in bytes. */
    public static final String JVM_HEAP_USED_BYTES = "jvm_heap_used_bytes";
    /** The JVM's maximum heap, in bytes. */
    public static final String JVM_HEAP_MAX_BYTES = "jvm_heap_max_bytes";
    /** Garbage collections since the JVM started. */
    public static final String JVM_GC_COLLECTIONS = "jvm_gc_collections";
    /** Time spent in garbage collection since the JVM started, in seconds. */
    public static final String JVM_GC_SECONDS = "jvm_gc_seconds";
    /** The memory limit of the container the JVM runs in, in bytes, where the JVM exposes it. */
    public static final String CONTAINER_MEMORY_LIMIT_BYTES = "container_memory_limit_bytes";

    private ResourceFigures() {
    }
}
