package io.sabot.benchmarks.runtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The baseline: the same pipeline as {@link PipelineApp} written by hand on {@link ArrayBlockingQueue}s of the same
 * capacity and plain threads, with {@code put}/{@code take} per element and an end-of-stream marker object. The
 * running sum is a local variable. One instance is one run.
 */
final class BarePipeline {

    private static final Object END = new Object();

    private final long events;
    private final BlockingQueue<Object> numbers;
    private final BlockingQueue<Object> mapped;
    private final BlockingQueue<Object> sums;
    private final PipelineResult result;

    /**
     * Creates a run.
     *
     * @param events   how many events the source emits
     * @param capacity every queue's capacity
     * @param result   where the sink records what it saw
     */
    BarePipeline(long events, int capacity, PipelineResult result) {
        this.events = events;
        this.numbers = new ArrayBlockingQueue<>(capacity);
        this.mapped = new ArrayBlockingQueue<>(capacity);
        this.sums = new ArrayBlockingQueue<>(capacity);
        this.result = result;
    }

    /**
     * Starts the four stages, readers first as a supervisor would.
     *
     * @param threads where the stages run
     */
    void start(TaskThreads threads) {
        threads.start("sink", this::sink);
        threads.start("sum", this::sum);
        threads.start("map", this::map);
        threads.start("source", this::source);
    }

    private void source() throws InterruptedException {
        for (long i = 0; i < events; i++) {
            numbers.put(Long.valueOf(i));
        }
        numbers.put(END);
    }

    private void map() throws InterruptedException {
        while (true) {
            Object e = numbers.take();
            if (e == END) {
                mapped.put(END);
                return;
            }
            mapped.put((Long) e + 1);
        }
    }

    private void sum() throws InterruptedException {
        long sum = 0;
        while (true) {
            Object e = mapped.take();
            if (e == END) {
                sums.put(END);
                return;
            }
            sum += (Long) e;
            sums.put(Long.valueOf(sum));
        }
    }

    private void sink() throws InterruptedException {
        long count = 0;
        long last = 0;
        while (true) {
            Object e = sums.take();
            if (e == END) {
                result.record(count, last);
                return;
            }
            count++;
            last = (Long) e;
        }
    }
}
