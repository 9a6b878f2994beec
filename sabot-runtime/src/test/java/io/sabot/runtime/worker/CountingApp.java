package io.sabot.runtime.worker;

import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.state.ValueState;
import io.sabot.runtime.source.SequenceSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test app: a sequence source feeds a counter whose state is the number of events and their sum. The counter
 * publishes its state for the test to watch (keyed by the setting {@code count.key}), and can be told to fail once
 * at a given event ({@code count.fail-at}) or at every event ({@code count.fail-always}).
 */
public final class CountingApp implements App {

    /** Published state: key to {count, sum}. */
    static final Map<String, long[]> PUBLISHED = new ConcurrentHashMap<>();
    /** Keys that already failed once. */
    static final Map<String, Boolean> FAILED = new ConcurrentHashMap<>();
    /** Runs of the counter's body, per key. */
    static final Map<String, AtomicLong> RUNS = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "counting-app";
    }

    @Override
    public void configure(AppBuilder app) {
        String key = app.setting("count.key").orElse("default");
        long end = Long.parseLong(app.setting("count.end").orElse("1000"));
        long failAt = Long.parseLong(app.setting("count.fail-at").orElse("-1"));
        boolean failAlways = Boolean.parseBoolean(app.setting("count.fail-always").orElse("false"));
        double rate = Double.parseDouble(app.setting("count.rate").orElse("0"));
        String strategy = app.setting("count.strategy").orElse("");

        ChannelRef<Long> numbers = app.channel("numbers", Long.class, 64);
        SequenceSource.Builder<Long> source = SequenceSource.longs().endBefore(end);
        if (rate > 0) {
            source.ratePerSecond(rate);
        }
        var sourceOptions = app.source("numbers-source", numbers, source::build);
        var agentOptions = app.agent("counter", numbers, (stream, ctx) -> {
            RUNS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            ValueState<Long> count = ctx.valueState("count", Long.class);
            ValueState<Long> sum = ctx.valueState("sum", Long.class);
            PUBLISHED.put(key, new long[] {count.valueOr(0L), sum.valueOr(0L)});
            for (Long n : stream) {
                if (failAlways || (n == failAt && FAILED.putIfAbsent(key, Boolean.TRUE) == null)) {
                    throw new IllegalStateException("injected failure at " + n);
                }
                count.update(count.valueOr(0L) + 1);
                sum.update(sum.valueOr(0L) + n);
                PUBLISHED.put(key, new long[] {count.value(), sum.value()});
            }
        });
        if (!strategy.isEmpty()) {
            app.group("pipeline").strategy(strategy);
            sourceOptions.inGroup("pipeline");
            agentOptions.inGroup("pipeline");
        }
    }

    static long count(String key) {
        long[] v = PUBLISHED.get(key);
        return v == null ? -1 : v[0];
    }

    static long sum(String key) {
        long[] v = PUBLISHED.get(key);
        return v == null ? -1 : v[1];
    }
}
