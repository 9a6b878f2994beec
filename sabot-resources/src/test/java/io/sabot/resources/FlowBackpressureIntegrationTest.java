package io.sabot.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sabot.api.resources.AgentUsage;
import io.sabot.api.resources.BackpressureLevel;
import io.sabot.api.resources.MonitoredAgents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A producer emitting into a real bounded queue counts the time it is blocked, as the runtime's channels do. A slow
 * consumer makes the producer report HIGH backpressure; a fast one, NONE.
 */
class FlowBackpressureIntegrationTest {

    /** Small enough for the slow consumer to fill quickly. */
    private static final int SLOW_CAPACITY = 1000;
    /** Large enough (a second of production) that a fast consumer descheduled on a loaded machine never fills it. */
    private static final int FAST_CAPACITY = 10_000;

    private static RunningAgent producer(BlockingQueue<Long> channel, AtomicLong produced) {
        return new RunningAgent("producer", a -> {
            long event = produced.incrementAndGet();
            if (!channel.offer(event)) {
                long start = System.nanoTime();
                channel.put(event);
                a.addBlockedNanos(System.nanoTime() - start);
            }
            LockSupport.parkNanos(100_000); // about 10,000 events a second at most
        });
    }

    private static Thread consumer(BlockingQueue<Long> channel, AtomicLong consumed, long nanosPerEvent) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    channel.take();
                    consumed.incrementAndGet();
                    if (nanosPerEvent > 0) {
                        LockSupport.parkNanos(nanosPerEvent);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aSlowConsumerMakesTheProducerReportHigh() throws Exception {
        BlockingQueue<Long> channel = new ArrayBlockingQueue<>(SLOW_CAPACITY);
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        RunningAgent producer = producer(channel, produced).start();
        Thread consumer = consumer(channel, consumed, 5_000_000L);
        MonitoredAgents agents = () -> List.of(producer);
        try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder().probes(List.of()).build()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> channel.remainingCapacity() == 0);
            monitor.runPass(agents);
            long from = consumed.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed.get() >= from + 60);
            monitor.runPass(agents);
            AgentUsage usage = monitor.agentUsages().get("producer");
            assertThat(usage.backpressuredRatio()).isGreaterThan(0.5);
            assertThat(usage.backpressure()).isEqualTo(BackpressureLevel.HIGH);
        } finally {
            producer.close();
            consumer.interrupt();
            consumer.join(10_000);
        }
    }

    @Test
    void aFastConsumerLeavesTheProducerAtNone() throws Exception {
        BlockingQueue<Long> channel = new ArrayBlockingQueue<>(FAST_CAPACITY);
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        RunningAgent producer = producer(channel, produced).start();
        Thread consumer = consumer(channel, consumed, 0);
        MonitoredAgents agents = () -> List.of(producer);
        try (DefaultResourceMonitor monitor = DefaultResourceMonitor.builder().probes(List.of()).build()) {
            monitor.runPass(agents);
            long from = produced.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> produced.get() >= from + 2000);
            monitor.runPass(agents);
            AgentUsage usage = monitor.agentUsages().get("producer");
            assertThat(usage.backpressuredRatio()).isLessThanOrEqualTo(0.1);
            assertThat(usage.backpressure()).isEqualTo(BackpressureLevel.NONE);
        } finally {
            producer.close();
            consumer.interrupt();
            consumer.join(10_000);
        }
    }
}
