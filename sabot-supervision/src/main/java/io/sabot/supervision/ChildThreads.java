package io.sabot.supervision;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kind of thread a supervisor runs its children on.
 *
 * <p>Every child runs on a thread of its own. With {@link #PLATFORM} (the default) the supervisor keeps threads whose
 * child has exited idle for a short while ({@code Supervisor.Builder#threadKeepAlive}), so a restart hands the
 * replacement to a warm thread instead of paying for a new one. {@link #VIRTUAL} uses one virtual thread per child on a
 * JVM that has them (Java 21+), detected at run time; on an older JVM it falls back to {@link #PLATFORM} with a
 * warning.
 */
public enum ChildThreads {
    /** Platform threads from a pool that keeps idle threads warm for reuse. */
    PLATFORM,
    /** One virtual thread per child where the JVM supports it, platform threads otherwise. */
    VIRTUAL;

    private static final Logger LOG = LoggerFactory.getLogger(ChildThreads.class);

    /**
     * Tells whether this JVM can run virtual threads.
     *
     * @return true on Java 21 and later
     */
    public static boolean virtualThreadsAvailable() {
        return virtualFactory() != null;
    }

    private static Method virtualFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Creates the executor a supervisor runs its children on.
     *
     * @param supervisorId names the threads
     * @param keepAlive    how long an idle platform thread is kept for reuse
     * @return a new executor; the caller shuts it down
     */
    ExecutorService newExecutor(String supervisorId, Duration keepAlive) {
        if (this == VIRTUAL) {
            Method factory = virtualFactory();
            if (factory != null) {
                try {
                    return (ExecutorService) factory.invoke(null);
                } catch (ReflectiveOperationException e) {
                    LOG.warn("supervisor '{}': cannot create virtual threads ({}); using platform threads",
                            supervisorId, e.toString());
                }
            } else {
                LOG.warn("supervisor '{}': virtual threads need Java 21 or later; using platform threads",
                        supervisorId);
            }
        }
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "sabot-child-" + supervisorId + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, Math.max(1, keepAlive.toNanos()), TimeUnit.NANOSECONDS,
                new SynchronousQueue<>(), threads);
    }
}
