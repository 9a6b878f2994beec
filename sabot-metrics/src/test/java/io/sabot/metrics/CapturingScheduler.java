package io.sabot.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that records fixed-rate schedules instead of running them, so a test runs the task by hand: interval
 * logic without sleeping.
 */
final class CapturingScheduler extends ScheduledThreadPoolExecutor {

    /** One recorded schedule. */
    record Scheduled(Runnable task, long initialDelay, long period, TimeUnit unit, FakeFuture future) {
        void runOnce() {
            task.run();
        }

        long periodMillis() {
            return unit.toMillis(period);
        }
    }

    private final List<Scheduled> scheduled = new CopyOnWriteArrayList<>();

    CapturingScheduler() {
        super(1);
    }

    List<Scheduled> scheduled() {
        return List.copyOf(scheduled);
    }

    Scheduled only() {
        if (scheduled.size() != 1) {
            throw new AssertionError("expected one schedule, got " + scheduled);
        }
        return scheduled.get(0);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        FakeFuture future = new FakeFuture();
        scheduled.add(new Scheduled(command, initialDelay, period, unit, future));
        return future;
    }

    /** A future that only records cancellation. */
    static final class FakeFuture implements ScheduledFuture<Object> {
        private volatile boolean cancelled;

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
