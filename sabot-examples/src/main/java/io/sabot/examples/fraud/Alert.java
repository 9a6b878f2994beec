package io.sabot.examples.fraud;

import java.util.Objects;

/**
 * A suspected fraud.
 *
 * @param card          the card
 * @param reason        which rule fired
 * @param transactionId the transaction that fired it
 * @param cardCount     the card's transactions so far, this one included
 * @param cardTotal     the card's total spend so far in cents, this one included
 */
public record Alert(String card, Reason reason, long transactionId, long cardCount, long cardTotal) {

    /** The rules that raise alerts. */
    public enum Reason {
        /** One transaction above the large-amount threshold. */
        LARGE_AMOUNT,
        /** Too many transactions on one card within the velocity window. */
        VELOCITY
    }

    /**
     * Validates the fields.
     *
     * @param card          the card
     * @param reason        which rule fired
     * @param transactionId the transaction
     * @param cardCount     the card's transactions so far
     * @param cardTotal     the card's total spend so far
     */
    public Alert {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(reason, "reason");
    }
}
