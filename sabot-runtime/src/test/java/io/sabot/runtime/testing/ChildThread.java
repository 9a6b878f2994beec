package io.sabot.runtime.testing;

import io.sabot.api.supervision.Child;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** TEST FIXTURE: runs a {@link Child} on a plain thread (no supervisor yet) and reports how it ended. */
public final class ChildThread {

    private final Child child;
    private final Thread thread;
    private final CompletableFuture<Throwable> outcome = new CompletableFuture<>();

    private ChildThread(Child child, String name) {
        this.child = child;
        this.thread = new Thread(() -> {
            try {
                child.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    /**
     * Starts a child.
     *
     * @param child the child
     * @param name  the thread's name
     * @return the running child
     */
    public static ChildThread start(Child child, String name) {
        ChildThread t = new ChildThread(child, name);
        t.thread.start();
        return t;
    }

    /** @return the child */
    public Child child() {
        return child;
    }

    /** @return true once the child's run ended */
    public boolean isDone() {
        return outcome.isDone();
    }

    /**
     * Waits for the child to end.
     *
     * @return what it threw, or null after a normal return
     * @throws Exception if it does not end within 30 seconds
     */
    public Throwable await() throws Exception {
        return outcome.get(30, TimeUnit.SECONDS);
    }

    /**
     * Asks the child to stop and waits for it.
     *
     * @return what it threw, or null
     * @throws Exception if it does not end within 30 seconds
     */
    public Throwable stop() throws Exception {
        child.requestStop();
        return await();
    }
}
