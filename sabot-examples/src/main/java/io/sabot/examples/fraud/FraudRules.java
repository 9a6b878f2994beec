package io.sabot.examples.fraud;

import java.util.Optional;

/**
 * The detector's rules, as a pure function of a card's stats and the next transaction, so they are testable on
 * their own.
 *
 * @param largeAmountCents a transaction above this amount raises {@link Alert.Reason#LARGE_AMOUNT}
 * @param velocityWindowMillis the length of the velocity window, in milliseconds of event time
 * @param velocityLimit    more than this many transactions in one window raises {@link Alert.Reason#VELOCITY}
 */
public record FraudRules(long largeAmountCents, long velocityWindowMillis, int velocityLimit) {

    /** $5,000, and more than 5 transactions in 60 seconds. */
    public static final FraudRules DEFAULT = new FraudRules(500_000, 60_000, 5);

    /**
     * The outcome of applying the rules to one transaction.
     *
     * @param stats the card's new stats
     * @param alert the alert raised, if any
     */
    public record Outcome(CardStats stats, Optional<Alert> alert) {
    }

    /**
     * Applies the rules.
     *
     * @param before the card's stats before the transaction
     * @param t      the transaction
     * @return the card's new stats and the alert, if one fires (large amount wins over velocity)
     */
    public Outcome apply(CardStats before, Transaction t) {
        boolean sameWindow = before.windowCount() > 0 && t.timeMillis() - before.windowStart() < velocityWindowMillis;
        long windowStart = sameWindow ? before.windowStart() : t.timeMillis();
        int windowCount = sameWindow ? before.windowCount() + 1 : 1;
        CardStats after = new CardStats(before.count() + 1, before.totalCents() + t.amountCents(), windowStart,
                windowCount);
        Alert.Reason reason = null;
        if (t.amountCents() > largeAmountCents) {
            reason = Alert.Reason.LARGE_AMOUNT;
        } else if (windowCount == velocityLimit + 1) {
            reason = Alert.Reason.VELOCITY;
        }
        Optional<Alert> alert = reason == null ? Optional.empty()
                : Optional.of(new Alert(t.card(), reason, t.id(), after.count(), after.totalCents()));
        return new Outcome(after, alert);
    }
}
