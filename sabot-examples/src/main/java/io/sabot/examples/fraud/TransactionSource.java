package io.sabot.examples.fraud;

import io.sabot.api.agent.Source;
import io.sabot.api.agent.SourceOutput;
import io.sabot.api.agent.SourcePosition;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A synthetic, reproducible stream of card transactions: transaction {@code n} is a pure function of the seed and
 * {@code n}, so a source restored at position {@code n} emits exactly what the original emitted from there. Its
 * position is the next transaction number.
 *
 * <p>Event time advances 100 ms per transaction from a fixed origin, whatever the emission rate; about 1 in 200
 * transactions is a large amount. Not thread-safe: a source runs on its own thread.
 */
public final class TransactionSource implements Source<Transaction> {

    /** The event time of transaction 0: 2026-01-01T00:00:00Z. */
    public static final long ORIGIN_MILLIS = 1_767_225_600_000L;

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long seed;
    private final int cards;
    private final double ratePerSecond;
    private final long limit;
    private final LongSupplier nanoTime;
    private long next;
    private long startNanos;
    private long startIndex;

    /**
     * Creates a source.
     *
     * @param seed          the seed of the stream
     * @param cards         how many distinct cards; 1 or more
     * @param ratePerSecond transactions per second of wall time; 0 for as fast as possible
     * @param limit         how many transactions in all before the source ends; 0 for never
     * @param nanoTime      the clock used to hold the rate, usually {@code System::nanoTime}
     */
    public TransactionSource(long seed, int cards, double ratePerSecond, long limit, LongSupplier nanoTime) {
        if (cards < 1) {
            throw new IllegalArgumentException("cards must be 1 or more, got " + cards);
        }
        if (ratePerSecond < 0 || limit < 0) {
            throw new IllegalArgumentException("rate and limit must be zero or more");
        }
        this.seed = seed;
        this.cards = cards;
        this.ratePerSecond = ratePerSecond;
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /**
     * The transaction at a position of the stream.
     *
     * @param seed  the stream's seed
     * @param cards how many distinct cards
     * @param n     the transaction number
     * @return the transaction
     */
    public static Transaction transaction(long seed, int cards, long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        String card = "card-" + random.nextInt(cards);
        boolean large = random.nextInt(200) == 0;
        long amount = large ? 500_000 + random.nextLong(2_000_000) : 100 + random.nextLong(20_000);
        String merchant = "merchant-" + random.nextInt(50);
        return new Transaction(n, card, amount, merchant, ORIGIN_MILLIS + n * 100);
    }

    @Override
    public void open(SourcePosition position) {
        next = position.offset();
        startIndex = next;
        startNanos = nanoTime.getAsLong();
    }

    @Override
    public boolean emitNext(SourceOutput<Transaction> out) throws InterruptedException {
        if (limit > 0 && next >= limit) {
            return false;
        }
        if (ratePerSecond > 0) {
            long due = startNanos + (long) ((next - startIndex) * 1e9 / ratePerSecond);
            long wait = due - nanoTime.getAsLong();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
                if (Thread.interrupted()) {
                    throw new InterruptedException("transaction source interrupted");
                }
                return true;
            }
        }
        out.emit(transaction(seed, cards, next));
        next++;
        return true;
    }

    @Override
    public SourcePosition position() {
        return SourcePosition.of(next);
    }
}
