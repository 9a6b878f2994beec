package io.sabot.benchmarks.runtime;

import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.TaskOptions;
import io.sabot.api.state.MapState;
import io.sabot.api.state.StateCodec;
import io.sabot.api.state.ValueState;
import io.sabot.runtime.source.SequenceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The app of {@link CheckpointCostBenchmark}: a rate-limited source of longs → {@code fanout} (sends event
 * {@code n} to holder {@code n % holders}) → {@code holders} agents, each holding {@code stateBytes} of state as a
 * map state of {@code entryBytes}-byte arrays (random bytes, built when the agent first starts) plus an event count
 * in a value state. Each event overwrites a byte of one entry, so the state is live.
 */
final class StateHoldingApp implements App {

    private final int holders;
    private final int stateBytes;
    private final int entryBytes;
    private final double ratePerSecond;
    private final Map<String, PauseRecorder> recorders;

    /**
     * Creates the app.
     *
     * @param holders       how many state-holding agents
     * @param stateBytes    the state each holds, in bytes
     * @param entryBytes    the size of each map entry's value, in bytes
     * @param ratePerSecond events per second emitted by the source, over all holders
     * @param recorders     filled with one recorder per holder, by agent id
     */
    StateHoldingApp(int holders, int stateBytes, int entryBytes, double ratePerSecond,
                    Map<String, PauseRecorder> recorders) {
        this.holders = holders;
        this.stateBytes = stateBytes;
        this.entryBytes = entryBytes;
        this.ratePerSecond = ratePerSecond;
        this.recorders = recorders;
    }

    /**
     * The id of a holder agent.
     *
     * @param index its index, from 0
     * @return its id
     */
    static String holderId(int index) {
        return String.format("holder-%03d", index);
    }

    @Override
    public String id() {
        return "checkpoint-cost-bench";
    }

    @Override
    public void configure(AppBuilder app) {
        ChannelRef<Long> numbers = app.channel("numbers", Long.class, 1024);
        app.source("source", numbers, () -> SequenceSource.longs().ratePerSecond(ratePerSecond).build());
        List<ChannelRef<Long>> parts = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            parts.add(app.channel("part-" + i, Long.class, 64));
        }
        TaskOptions fanout = app.agent("fanout", numbers, (stream, ctx) -> {
            for (Long n : stream) {
                ctx.emit(parts.get((int) (n % holders)), n);
            }
        });
        fanout.emitsTo(parts.toArray(new ChannelRef<?>[0]));
        int entries = Math.max(1, stateBytes / entryBytes);
        for (int i = 0; i < holders; i++) {
            String id = holderId(i);
            PauseRecorder recorder = new PauseRecorder();
            recorders.put(id, recorder);
            long seed = i;
            app.agent(id, parts.get(i), (stream, ctx) -> {
                MapState<Long, byte[]> blobs = ctx.mapState("blobs", StateCodec.int64(),
                        new RecordingByteArrayCodec(recorder));
                ValueState<Long> count = ctx.valueState("count", Long.class);
                if (blobs.size() == 0) {
                    Random random = new Random(seed);
                    for (long k = 0; k < entries; k++) {
                        byte[] blob = new byte[entryBytes];
                        random.nextBytes(blob);
                        blobs.put(k, blob);
                    }
                }
                recorder.ready();
                for (Long n : stream) {
                    recorder.event(System.nanoTime());
                    long k = (n / holders) % entries;
                    blobs.get(k)[(int) (n % entryBytes)]++;
                    count.update(count.valueOr(0L) + 1);
                }
            });
        }
    }
}
