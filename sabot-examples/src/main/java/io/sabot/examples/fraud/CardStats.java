package io.sabot.examples.fraud;

/**
 * What the detector keeps per card: counts, totals, and the start and size of the current velocity window.
 *
 * @param count        transactions seen
 * @param totalCents   total spend in cents
 * @param windowStart  event time the current velocity window opened, in milliseconds
 * @param windowCount  transactions in the current window
 */
public record CardStats(long count, long totalCents, long windowStart, int windowCount) {

    /** A card never seen. */
    public static final CardStats EMPTY = new CardStats(0, 0, 0, 0);
}
