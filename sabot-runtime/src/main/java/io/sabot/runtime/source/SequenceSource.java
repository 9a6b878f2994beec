package io.sabot.runtime.source;

import io.sabot.api.agent.Source;
import io.sabot.api.agent.SourceOutput;
import io.sabot.api.agent.SourcePosition;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * A generator of events from their sequence number: 0, 1, 2, ... (or a function of it), as fast as possible or at
 * a fixed rate, forever or up to an end.
 *
 * <p>Its {@link SourcePosition#offset() position} is the next sequence number, so a source restored at position
 * {@code n} emits exactly the events {@code n, n+1, ...}. The rate is held against the time the source was opened:
 * event {@code k} (counted from the open) is emitted no earlier than {@code k / rate} seconds after it, so a source
 * that fell behind catches up in bursts of at most {@link Builder#batchSize(int) batchSize} events.
 *
 * <p>Defaults: as fast as possible, no end, batches of 64 events per {@link #emitNext} call, {@link System#nanoTime()}
 * and {@link Sleeper#SYSTEM}. Thread-safety: confined to the source's thread.
 *
 * @param <T> the type of the events
 */
public final class SequenceSource<T> implements Source<T> {

    /** The longest single pause, so checkpoints and stop requests are not delayed: 100 ms. */
    static final long MAX_PAUSE_NANOS = 100_000_000L;

    private final LongFunction<? extends T> generator;
    private final double ratePerSecond;
    private final long end;
    private final int batchSize;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long next;
    private long openedAt;
    private long openedSequence;
    private boolean opened;

    private SequenceSource(Builder<T> b) {
        this.generator = b.generator;
        this.ratePerSecond = b.ratePerSecond;
        this.end = b.end;
        this.batchSize = b.batchSize;
        this.nanoTime = b.nanoTime;
        this.sleeper = b.sleeper;
    }

    /**
     * Starts a builder of a source emitting the sequence numbers themselves.
     *
     * @return a builder with the defaults above
     */
    public static Builder<Long> longs() {
        return new Builder<>(Long::valueOf);
    }

    /**
     * Starts a builder of a source emitting {@code generator.apply(n)} for each sequence number {@code n}.
     *
     * @param generator makes the event of a sequence number; must be deterministic for a restored source to emit
     *                  the same events, and must not return null
     * @param <T>       the type of the events
     * @return a builder with the defaults above
     */
    public static <T> Builder<T> of(LongFunction<? extends T> generator) {
        return new Builder<>(Objects.requireNonNull(generator, "generator"));
    }

    @Override
    public void open(SourcePosition position) {
        Objects.requireNonNull(position, "position");
        if (end >= 0 && position.offset() > end) {
            throw new IllegalArgumentException("sequence source: cannot resume at " + position.offset()
                    + ", past its end " + end);
        }
        next = position.offset();
        openedSequence = next;
        openedAt = nanoTime.getAsLong();
        opened = true;
    }

    @Override
    public boolean emitNext(SourceOutput<T> out) throws InterruptedException {
        if (!opened) {
            throw new IllegalStateException("sequence source: emitNext called before open");
        }
        long allowed = batchSize;
        if (ratePerSecond > 0) {
            long elapsed = nanoTime.getAsLong() - openedAt;
            long due = (long) Math.floor(elapsed / 1e9 * ratePerSecond) + 1 - (next - openedSequence);
            if (due <= 0) {
                long nextAt = (long) Math.ceil((next - openedSequence) / ratePerSecond * 1e9);
                sleeper.sleepNanos(Math.max(1, Math.min(MAX_PAUSE_NANOS, nextAt - elapsed)));
                return true;
            }
            allowed = Math.min(allowed, due);
        }
        if (end >= 0) {
            allowed = Math.min(allowed, end - next);
        }
        for (long i = 0; i < allowed; i++) {
            T event = generator.apply(next);
            if (event == null) {
                throw new NullPointerException("sequence source: the generator returned null for " + next);
            }
            out.emit(event);
            next++;
        }
        return end < 0 || next < end;
    }

    @Override
    public SourcePosition position() {
        return SourcePosition.of(next);
    }

    /**
     * Builds a {@link SequenceSource}. Not thread-safe.
     *
     * @param <T> the type of the events
     */
    public static final class Builder<T> {
        private final LongFunction<? extends T> generator;
        private double ratePerSecond;
        private long end = -1;
        private int batchSize = 64;
        private LongSupplier nanoTime = System::nanoTime;
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(LongFunction<? extends T> generator) {
            this.generator = generator;
        }

        /**
         * Limits the rate. Default: as fast as possible.
         *
         * @param eventsPerSecond events per second; positive
         * @return this builder
         */
        public Builder<T> ratePerSecond(double eventsPerSecond) {
            if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
                throw new IllegalArgumentException("sequence source rate must be a positive number of events per "
                        + "second, got " + eventsPerSecond);
            }
            this.ratePerSecond = eventsPerSecond;
            return this;
        }

        /**
         * Ends the source before sequence number {@code endExclusive}. Default: no end.
         *
         * @param endExclusive the first sequence number not emitted; zero or more
         * @return this builder
         */
        public Builder<T> endBefore(long endExclusive) {
            if (endExclusive < 0) {
                throw new IllegalArgumentException("sequence source end must be zero or more, got " + endExclusive);
            }
            this.end = endExclusive;
            return this;
        }

        /**
         * Sets the most events emitted per {@link SequenceSource#emitNext} call. Default 64.
         *
         * @param size 1 or more
         * @return this builder
         */
        public Builder<T> batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("sequence source batch size must be 1 or more, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Sets the clock the rate is held against. Default {@link System#nanoTime()}.
         *
         * @param clock a monotonic nanosecond clock
         * @return this builder
         */
        public Builder<T> nanoTime(LongSupplier clock) {
            this.nanoTime = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how the source pauses to hold its rate. Default {@link Sleeper#SYSTEM}.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder<T> sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** {@return a new source; call once per (re)start, as the app's source factory} */
        public SequenceSource<T> build() {
            return new SequenceSource<>(this);
        }
    }
}
