package io.sabot.runtime.channel;

import io.sabot.api.Ids;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A bounded in-memory channel between a writer (a source or an agent) and one reading agent. It carries the
 * writer's events and its {@link ControlElement control elements} (checkpoint barriers, end of stream) in one FIFO
 * order.
 *
 * <p>A full channel blocks the writer; the time it spends blocked is added to the writer's {@link BlockedTime}, so
 * it is measured only when the writer actually waits (two clock reads per wait, none per event). The layout is a
 * ring buffer guarded by one lock with two conditions, like {@link java.util.concurrent.ArrayBlockingQueue}; an
 * event costs no allocation beyond the event itself.
 *
 * <p>An agent reading several channels does not block on any one of them: it registers a
 * {@link #onReadable(Runnable) readable listener}, polls each channel without waiting, and is woken by the listener
 * when an empty channel receives an element.
 *
 * <p>Thread-safety: thread-safe. Any number of threads may put; the runtime has exactly one reader per channel.
 *
 * @param <T> the type of the events
 */
public final class Channel<T> {

    private final String name;
    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final LongSupplier nanoTime;
    private int takeIndex;
    private int putIndex;
    private int count;
    private volatile Runnable readableListener;

    /**
     * Creates a channel timed by {@link System#nanoTime()}.
     *
     * @param name     the channel's name; a valid identifier
     * @param capacity how many elements it holds before writers block; 1 or more
     */
    public Channel(String name, int capacity) {
        this(name, capacity, System::nanoTime);
    }

    /**
     * Creates a channel with its own time source for measuring blocked time.
     *
     * @param name     the channel's name; a valid identifier
     * @param capacity how many elements it holds before writers block; 1 or more
     * @param nanoTime a monotonic nanosecond clock
     */
    public Channel(String name, int capacity, LongSupplier nanoTime) {
        this.name = Ids.requireValid("channel name", name);
        if (capacity < 1) {
            throw new IllegalArgumentException("channel '" + name + "': capacity must be 1 or more, got " + capacity);
        }
        this.items = new Object[capacity];
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** {@return the channel's name} */
    public String name() {
        return name;
    }

    /** {@return how many elements the channel holds before writers block} */
    public int capacity() {
        return items.length;
    }

    /** {@return how many elements (events and control elements) are waiting now} */
    public int depth() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends an event, blocking while the channel is full.
     *
     * @param event   the event; not null, and not a {@link ControlElement}
     * @param blocked where the time spent blocked is added
     * @throws InterruptedException if the thread is interrupted while blocked; the event is then not appended
     */
    public void put(T event, BlockedTime blocked) throws InterruptedException {
        if (event == null) {
            throw new NullPointerException("channel '" + name + "': an event must not be null");
        }
        append(event, blocked);
    }

    /**
     * Appends a control element, in order with the events, blocking while the channel is full.
     *
     * @param element the barrier or end of stream
     * @param blocked where the time spent blocked is added
     * @throws InterruptedException if the thread is interrupted while blocked
     */
    public void putControl(ControlElement element, BlockedTime blocked) throws InterruptedException {
        append(Objects.requireNonNull(element, "element"), blocked);
    }

    private void append(Object element, BlockedTime blocked) throws InterruptedException {
        final ReentrantLock lock = this.lock;
        lock.lockInterruptibly();
        try {
            if (count == items.length) {
                long start = nanoTime.getAsLong();
                blocked.waiting(Thread.currentThread());
                try {
                    while (count == items.length) {
                        notFull.await();
                    }
                } finally {
                    blocked.waiting(null);
                    blocked.add(nanoTime.getAsLong() - start);
                }
            }
            items[putIndex] = element;
            if (++putIndex == items.length) {
                putIndex = 0;
            }
            if (count++ == 0) {
                notEmpty.signal();
                Runnable listener = readableListener;
                if (listener != null) {
                    listener.run();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest element without waiting.
     *
     * @return an event of type {@code T} or a {@link ControlElement}; null if the channel is empty
     */
    public Object poll() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            return count == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest element, waiting up to {@code timeout} for one.
     *
     * @param timeout how long to wait
     * @param unit    the unit of {@code timeout}
     * @return an event of type {@code T} or a {@link ControlElement}; null if none arrived in time
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Object poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        final ReentrantLock lock = this.lock;
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0L) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code max} of the oldest elements in one go, waiting up to {@code timeout} for the first: a
     * reader that drains in batches takes the channel's lock once per batch instead of once per element.
     *
     * @param into    where the elements are written, from index 0
     * @param max     the most elements to take; at most {@code into.length}
     * @param timeout how long to wait for the first element
     * @param unit    the unit of {@code timeout}
     * @return how many elements were taken; 0 if none arrived in time
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public int drain(Object[] into, int max, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        final ReentrantLock lock = this.lock;
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0L) {
                    return 0;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            int n = Math.min(max, count);
            for (int i = 0; i < n; i++) {
                into[i] = items[takeIndex];
                items[takeIndex] = null;
                if (++takeIndex == items.length) {
                    takeIndex = 0;
                }
            }
            count -= n;
            notFull.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private Object dequeue() {
        Object element = items[takeIndex];
        items[takeIndex] = null;
        if (++takeIndex == items.length) {
            takeIndex = 0;
        }
        count--;
        notFull.signal();
        return element;
    }

    /**
     * Sets the listener run (under the channel's lock, so it must be quick and must not block) each time an element
     * arrives in the empty channel. Used by an agent that reads several channels to wake up.
     *
     * @param listener the listener, or null to remove it
     */
    public void onReadable(Runnable listener) {
        this.readableListener = listener;
    }

    /**
     * Drops every waiting element and wakes blocked writers: used when a consistent region restarts from a
     * checkpoint, so events from before the failure are not processed twice.
     *
     * @return how many elements were dropped
     */
    public int reset() {
        lock.lock();
        try {
            int dropped = count;
            Arrays.fill(items, null);
            takeIndex = 0;
            putIndex = 0;
            count = 0;
            notFull.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Channel[" + name + ", capacity " + items.length + "]";
    }
}
