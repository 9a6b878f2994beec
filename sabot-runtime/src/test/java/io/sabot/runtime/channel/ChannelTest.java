package io.sabot.runtime.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void carriesEventsAndControlElementsInOrder() throws Exception {
        Channel<String> channel = new Channel<>("c", 8);
        BlockedTime blocked = new BlockedTime();
        channel.put("a", blocked);
        channel.putControl(new CheckpointBarrier(1), blocked);
        channel.put("b", blocked);
        channel.putControl(EndOfStream.INSTANCE, blocked);

        List<Object> taken = new ArrayList<>();
        for (Object o = channel.poll(); o != null; o = channel.poll()) {
            taken.add(o);
        }
        assertThat(taken).containsExactly("a", new CheckpointBarrier(1), "b", EndOfStream.INSTANCE);
        assertThat(blocked.totalNanos()).isZero();
    }

    @Test
    void depthAndCapacityAreObservable() throws Exception {
        Channel<Integer> channel = new Channel<>("numbers", 3);
        assertThat(channel.capacity()).isEqualTo(3);
        assertThat(channel.name()).isEqualTo("numbers");
        channel.put(1, new BlockedTime());
        channel.put(2, new BlockedTime());
        assertThat(channel.depth()).isEqualTo(2);
        channel.poll();
        assertThat(channel.depth()).isEqualTo(1);
        assertThat(channel).hasToString("Channel[numbers, capacity 3]");
    }

    @Test
    void aFullChannelBlocksTheWriterAndMeasuresTheBlockedTime() throws Exception {
        AtomicLong clock = new AtomicLong();
        Channel<String> channel = new Channel<>("c", 1, () -> clock.addAndGet(1_000));
        BlockedTime blocked = new BlockedTime();
        channel.put("first", blocked);
        CountDownLatch putDone = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                channel.put("second", blocked);
                putDone.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING);
        assertThat(putDone.getCount()).isEqualTo(1);

        assertThat(channel.poll()).isEqualTo("first");
        assertThat(putDone.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(channel.poll()).isEqualTo("second");
        // two clock reads around the wait, each advancing the fake clock by 1 us
        assertThat(blocked.totalNanos()).isEqualTo(1_000);
        writer.join();
    }

    @Test
    void pollWithTimeoutReturnsNullWhenNothingArrives() throws Exception {
        Channel<String> channel = new Channel<>("c", 2);
        assertThat(channel.poll(1, TimeUnit.MILLISECONDS)).isNull();
        assertThat(channel.poll()).isNull();
    }

    @Test
    void pollWithTimeoutWakesWhenAnEventArrives() throws Exception {
        Channel<String> channel = new Channel<>("c", 2);
        java.util.concurrent.CompletableFuture<Object> polled = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                polled.complete(channel.poll(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                polled.completeExceptionally(e);
            }
        });
        reader.start();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> reader.getState() == Thread.State.TIMED_WAITING);

        channel.put("late", new BlockedTime());

        assertThat(polled.get(30, TimeUnit.SECONDS)).isEqualTo("late");
        reader.join();
    }

    @Test
    void theReadableListenerRunsWhenAnEmptyChannelReceivesAnElement() throws Exception {
        Channel<String> channel = new Channel<>("c", 4);
        AtomicLong calls = new AtomicLong();
        channel.onReadable(calls::incrementAndGet);
        channel.put("a", new BlockedTime());
        channel.put("b", new BlockedTime());
        assertThat(calls.get()).isEqualTo(1);
        channel.poll();
        channel.poll();
        channel.putControl(EndOfStream.INSTANCE, new BlockedTime());
        assertThat(calls.get()).isEqualTo(2);
        channel.onReadable(null);
        channel.poll();
        channel.put("c", new BlockedTime());
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void resetDropsWaitingElementsAndReleasesBlockedWriters() throws Exception {
        Channel<Integer> channel = new Channel<>("c", 2);
        BlockedTime blocked = new BlockedTime();
        channel.put(1, blocked);
        channel.put(2, blocked);
        CountDownLatch putDone = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                channel.put(3, blocked);
                putDone.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING);
        assertThat(channel.reset()).isEqualTo(2);
        assertThat(putDone.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(channel.poll()).isEqualTo(3);
        assertThat(channel.poll()).isNull();
        assertThat(blocked.totalNanos()).isPositive();
        writer.join();
    }

    @Test
    void aWriterBlockedOnAFullChannelCanBeInterrupted() throws Exception {
        Channel<Integer> channel = new Channel<>("c", 1);
        channel.put(1, new BlockedTime());
        List<Throwable> failures = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                channel.put(2, new BlockedTime());
            } catch (InterruptedException e) {
                failures.add(e);
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING);
        writer.interrupt();
        writer.join();
        assertThat(failures).hasSize(1);
        assertThat(channel.depth()).isEqualTo(1);
    }

    @Test
    void manyWritersAndOneReaderLoseNothing() throws Exception {
        Channel<Long> channel = new Channel<>("c", 4);
        int writers = 3;
        int perWriter = 20_000;
        List<Thread> threads = new ArrayList<>();
        BlockedTime blocked = new BlockedTime();
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < perWriter; i++) {
                        channel.put(1L, blocked);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(t);
            t.start();
        }
        long sum = 0;
        for (int i = 0; i < writers * perWriter; i++) {
            Object o = channel.poll(30, TimeUnit.SECONDS);
            assertThat(o).isNotNull();
            sum += (Long) o;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(sum).isEqualTo((long) writers * perWriter);
        assertThat(channel.depth()).isZero();
    }

    @Test
    void drainTakesABatchInOrderAndWaitsOnlyForTheFirst() throws Exception {
        Channel<Integer> channel = new Channel<>("c", 8);
        Object[] batch = new Object[4];
        assertThat(channel.drain(batch, 4, 1, TimeUnit.MILLISECONDS)).isZero();
        for (int i = 0; i < 6; i++) {
            channel.put(i, new BlockedTime());
        }
        assertThat(channel.drain(batch, 4, 1, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(batch).containsExactly(0, 1, 2, 3);
        assertThat(channel.drain(batch, 4, 1, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(batch[0]).isEqualTo(4);
        assertThat(batch[1]).isEqualTo(5);
        assertThat(channel.depth()).isZero();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new Channel<String>("c", 0)).hasMessageContaining("capacity must be 1 or more");
        assertThatThrownBy(() -> new Channel<String>("../x", 1)).hasMessageContaining("invalid channel name");
        Channel<String> channel = new Channel<>("c", 1);
        assertThatThrownBy(() -> channel.put(null, new BlockedTime())).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> new CheckpointBarrier(0)).hasMessageContaining("1 or more");
    }

    @Test
    void blockedTimeIgnoresNegativeDurations() {
        BlockedTime blocked = new BlockedTime();
        blocked.add(-5);
        blocked.add(7);
        assertThat(blocked.totalNanos()).isEqualTo(7);
    }
}
