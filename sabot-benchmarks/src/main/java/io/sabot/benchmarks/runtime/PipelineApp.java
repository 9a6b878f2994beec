package io.sabot.benchmarks.runtime;

import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.state.ValueState;
import io.sabot.runtime.source.SequenceSource;

/**
 * The benchmarked pipeline as a Sabot app: a source emitting the longs 0 to {@code events - 1} as fast as possible
 * → {@code map} (adds 1) → {@code sum} (a running sum in a value state, emitted after each event) → {@code sink}
 * (counts the events and keeps the last sum). Every channel holds {@code capacity} elements.
 */
final class PipelineApp implements App {

    private final long events;
    private final int capacity;
    private final PipelineResult result;

    /**
     * Creates the app.
     *
     * @param events   how many events the source emits before it ends
     * @param capacity every channel's capacity
     * @param result   where the sink records what it saw
     */
    PipelineApp(long events, int capacity, PipelineResult result) {
        this.events = events;
        this.capacity = capacity;
        this.result = result;
    }

    @Override
    public String id() {
        return "pipeline-bench";
    }

    @Override
    public void configure(AppBuilder app) {
        ChannelRef<Long> numbers = app.channel("numbers", Long.class, capacity);
        ChannelRef<Long> mapped = app.channel("mapped", Long.class, capacity);
        ChannelRef<Long> sums = app.channel("sums", Long.class, capacity);
        app.source("source", numbers, () -> SequenceSource.longs().endBefore(events).build());
        app.agent("map", numbers, (stream, ctx) -> {
            for (Long n : stream) {
                ctx.emit(mapped, n + 1);
            }
        }).emitsTo(mapped);
        app.agent("sum", mapped, (stream, ctx) -> {
            ValueState<Long> sum = ctx.valueState("sum", Long.class);
            for (Long n : stream) {
                Long s = sum.valueOr(0L) + n;
                sum.update(s);
                ctx.emit(sums, s);
            }
        }).emitsTo(sums);
        app.agent("sink", sums, (stream, ctx) -> {
            long count = 0;
            long last = 0;
            for (Long s : stream) {
                count++;
                last = s;
            }
            result.record(count, last);
        });
    }
}
