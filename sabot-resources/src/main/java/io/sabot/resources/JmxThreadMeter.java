package io.sabot.resources;

import io.sabot.api.resources.Reading;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Measures threads through the JVM's {@link ThreadMXBean}: CPU time through
 * {@link ThreadMXBean#getThreadCpuTime(long)} and allocated bytes through
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}.
 *
 * <p>A figure is unavailable, with the reason, when the JVM does not support it, when its measurement is disabled
 * ({@code setThreadCpuTimeEnabled(false)}, {@code setThreadAllocatedMemoryEnabled(false)}), when the thread is a
 * virtual thread (Java 21+: the JVM measures platform threads only), or when the thread has ended. The meter never
 * changes the JVM's settings. On Linux HotSpot one reading costs about a microsecond.
 *
 * <p>Thread-safety: safe to use from several threads.
 */
public final class JmxThreadMeter implements ThreadMeter {

    static final String VIRTUAL = "thread CPU time and allocation are not measurable on a virtual thread";
    static final String ENDED = "the agent's thread has ended";

    private final ThreadMXBean threads;
    private final com.sun.management.ThreadMXBean extended;
    private final Method isVirtual;

    /** Creates a meter on the platform {@link ThreadMXBean}. */
    public JmxThreadMeter() {
        this(ManagementFactory.getThreadMXBean());
    }

    /**
     * Creates a meter on a given bean.
     *
     * @param threads the bean; allocated bytes are measured only if it is a {@code com.sun.management.ThreadMXBean}
     */
    public JmxThreadMeter(ThreadMXBean threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.extended = threads instanceof com.sun.management.ThreadMXBean
                ? (com.sun.management.ThreadMXBean) threads : null;
        this.isVirtual = isVirtualMethod();
    }

    private static Method isVirtualMethod() {
        try {
            return Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null; // before Java 21 every thread is a platform thread
        }
    }

    boolean isVirtual(Thread thread) {
        if (isVirtual == null) {
            return false;
        }
        try {
            return (Boolean) isVirtual.invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public Reading cpuNanos(Thread thread) {
        if (!threads.isThreadCpuTimeSupported()) {
            return Reading.unavailable("this JVM does not measure thread CPU time");
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            return Reading.unavailable("thread CPU time measurement is disabled in this JVM "
                    + "(ThreadMXBean.setThreadCpuTimeEnabled(false))");
        }
        if (isVirtual(thread)) {
            return Reading.unavailable(VIRTUAL);
        }
        @SuppressWarnings("deprecation") // Thread.getId() is deprecated from Java 19; threadId() does not exist on 17
        long id = thread.getId();
        long nanos = threads.getThreadCpuTime(id);
        return nanos >= 0 ? Reading.of(nanos) : Reading.unavailable(ENDED);
    }

    @Override
    public Reading allocatedBytes(Thread thread) {
        if (extended == null || !extended.isThreadAllocatedMemorySupported()) {
            return Reading.unavailable("this JVM does not measure per-thread allocation");
        }
        if (!extended.isThreadAllocatedMemoryEnabled()) {
            return Reading.unavailable("per-thread allocation measurement is disabled in this JVM "
                    + "(ThreadMXBean.setThreadAllocatedMemoryEnabled(false))");
        }
        if (isVirtual(thread)) {
            return Reading.unavailable(VIRTUAL);
        }
        @SuppressWarnings("deprecation") // see cpuNanos
        long id = thread.getId();
        long bytes = extended.getThreadAllocatedBytes(id);
        return bytes >= 0 ? Reading.of(bytes) : Reading.unavailable(ENDED);
    }
}
