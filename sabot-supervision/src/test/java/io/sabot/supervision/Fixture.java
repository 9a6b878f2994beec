package io.sabot.supervision;

import static org.awaitility.Awaitility.await;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildFactory;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.Shutdown;
import io.sabot.api.supervision.SupervisionEvent;
import io.sabot.api.supervision.SupervisionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Controllable children and an event recorder for supervisor tests: children that crash, exit or stop on command,
 * starts that fail on demand, and a log of starts, stops and events to assert on. Waits use awaitility, never sleeps.
 */
final class Fixture implements SupervisionListener {

    static final Duration WAIT = Duration.ofSeconds(30);

    private enum Command { CRASH, EXIT }

    final List<String> log = new CopyOnWriteArrayList<>();
    final List<SupervisionEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failStarts = new ConcurrentHashMap<>();
    private final Map<String, Controlled> current = new ConcurrentHashMap<>();

    @Override
    public void onEvent(SupervisionEvent event) {
        events.add(event);
    }

    /** A factory of controllable children named {@code id}; records "start:id" and the args. */
    ChildFactory factory(String id) {
        return args -> {
            AtomicInteger fails = failStarts.get(id);
            if (fails != null && fails.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0) {
                log.add("start-failed:" + id);
                throw new IllegalStateException("start of " + id + " refused");
            }
            Controlled child = new Controlled(id);
            current.put(id, child);
            starts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            log.add("start:" + id + (args.isEmpty() ? "" : args.toString()));
            return child;
        };
    }

    ChildSpec worker(String id) {
        return ChildSpec.worker(id, factory(id)).shutdown(Shutdown.timeout(Duration.ofSeconds(10))).build();
    }

    ChildSpec worker(String id, RestartPolicy policy) {
        return ChildSpec.worker(id, factory(id)).restart(policy).shutdown(Shutdown.timeout(Duration.ofSeconds(10)))
                .build();
    }

    /** The next {@code n} starts of {@code id} fail. */
    void failNextStarts(String id, int n) {
        failStarts.computeIfAbsent(id, k -> new AtomicInteger()).set(n);
    }

    int starts(String id) {
        AtomicInteger n = starts.get(id);
        return n == null ? 0 : n.get();
    }

    void crash(String id) {
        current.get(id).commands.add(Command.CRASH);
    }

    void exitNormally(String id) {
        current.get(id).commands.add(Command.EXIT);
    }

    static org.awaitility.core.ConditionFactory waiting() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    /** Waits until {@code id} has been started {@code n} times. */
    void awaitStarts(String id, int n) {
        waiting().until(() -> starts(id) >= n);
    }

    /** Waits until an event matching {@code test} has been seen, and returns the first such. */
    <E extends SupervisionEvent> E awaitEvent(Class<E> type, Predicate<E> test) {
        waiting().until(() -> find(type, test) != null);
        return find(type, test);
    }

    <E extends SupervisionEvent> long count(Class<E> type, Predicate<E> test) {
        return eventsOf(type).stream().filter(test).count();
    }

    <E extends SupervisionEvent> List<E> eventsOf(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (SupervisionEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    private <E extends SupervisionEvent> E find(Class<E> type, Predicate<E> test) {
        for (E e : eventsOf(type)) {
            if (test.test(e)) {
                return e;
            }
        }
        return null;
    }

    /** The log entries starting with {@code prefix}, in order. */
    List<String> logOf(String prefix) {
        List<String> out = new ArrayList<>();
        for (String entry : log) {
            if (entry.startsWith(prefix)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** A child that runs until told to crash or exit, or until asked to stop (recording "stop:id"). */
    private final class Controlled implements Child {
        final String id;
        final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
        private volatile boolean stopRequested;

        Controlled(String id) {
            this.id = id;
        }

        @Override
        public void run() throws InterruptedException {
            while (true) {
                Command c = commands.take();
                if (stopRequested) {
                    log.add("stop:" + id);
                    return;
                }
                if (c == Command.CRASH) {
                    throw new IllegalStateException(id + " crashed");
                }
                if (c == Command.EXIT) {
                    return;
                }
            }
        }

        @Override
        public void requestStop() {
            stopRequested = true;
            commands.add(Command.EXIT);
        }
    }
}
