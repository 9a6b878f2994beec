package io.sabot.benchmarks.runtime;

import io.sabot.api.supervision.Child;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs children (runtime task runners, or plain loops of the bare baseline) each on a plain named thread, as the
 * runtime's tests do until a supervisor runs them, and waits for all of them to end.
 *
 * <p>Every thread is named {@code prefix + name}, so {@link #requireNoneAlive(String)} can prove that no thread of an
 * earlier run is left. Thread-safety: start and join from one thread; failures are recorded from any.
 */
final class TaskThreads {

    private final String prefix;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Child> children = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * Creates an empty set of threads.
     *
     * @param prefix the start of every thread's name
     */
    TaskThreads(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Starts a child on a new thread.
     *
     * @param name  the end of the thread's name
     * @param child what runs; what it throws is kept and rethrown by {@link #joinAll(long)}
     */
    void start(String name, Child child) {
        Thread t = new Thread(() -> {
            try {
                child.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, prefix + name);
        t.setDaemon(true);
        children.add(child);
        threads.add(t);
        t.start();
    }

    /**
     * Waits for every thread to end. If they do not end in time, asks every child to stop, interrupts the threads
     * and fails.
     *
     * @param timeoutMillis how long to wait for all of them, in milliseconds
     * @throws Exception if a child threw (its exception), or the threads did not end in time
     */
    void joinAll(long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                t.join(left);
            }
            if (t.isAlive()) {
                stopAll();
                throw new IllegalStateException("thread '" + t.getName() + "' did not end within " + timeoutMillis
                        + " ms; the run was stopped");
            }
        }
        rethrow();
    }

    /**
     * Asks every child to stop, interrupts the threads and waits up to 10 seconds for them.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void stopAll() throws InterruptedException {
        for (Child c : children) {
            c.requestStop();
        }
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
    }

    private void rethrow() throws Exception {
        Throwable e = failure.get();
        if (e instanceof Exception) {
            throw (Exception) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails if a thread whose name starts with {@code prefix} is still alive: proof that a run left nothing behind.
     *
     * @param prefix the start of the names
     * @throws IllegalStateException naming the threads still alive
     */
    static void requireNoneAlive(String prefix) {
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(prefix)) {
                alive.add(t.getName());
            }
        }
        if (!alive.isEmpty()) {
            throw new IllegalStateException("threads of an earlier run are still alive: " + alive);
        }
    }
}
