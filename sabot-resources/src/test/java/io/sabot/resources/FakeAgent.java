package io.sabot.resources;

import io.sabot.api.resources.MonitoredAgent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A synthetic agent whose figures the test sets directly, and that records the levers the monitor pulls. */
class FakeAgent implements MonitoredAgent {

    final String id;
    final AtomicReference<Thread> thread = new AtomicReference<>();
    final AtomicLong stateBytes = new AtomicLong(-1);
    final AtomicLong inputDepth = new AtomicLong();
    final AtomicLong backpressuredNanos = new AtomicLong();
    final List<Double> throttles = Collections.synchronizedList(new ArrayList<>());
    final List<String> restarts = Collections.synchronizedList(new ArrayList<>());
    final List<String> stops = Collections.synchronizedList(new ArrayList<>());

    FakeAgent(String id) {
        this.id = id;
    }

    FakeAgent(String id, Thread thread) {
        this(id);
        this.thread.set(thread);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Thread> thread() {
        return Optional.ofNullable(thread.get());
    }

    @Override
    public OptionalLong stateBytes() {
        long s = stateBytes.get();
        return s < 0 ? OptionalLong.empty() : OptionalLong.of(s);
    }

    @Override
    public long inputDepth() {
        return inputDepth.get();
    }

    @Override
    public long inputCapacity() {
        return 100;
    }

    @Override
    public long backpressuredNanos() {
        return backpressuredNanos.get();
    }

    @Override
    public void throttle(double maxCpuRatio) {
        throttles.add(maxCpuRatio);
    }

    @Override
    public void requestRestart(String reason) {
        restarts.add(reason);
    }

    @Override
    public void requestStop(String reason) {
        stops.add(reason);
    }
}
