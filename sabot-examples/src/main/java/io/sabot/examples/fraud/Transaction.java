package io.sabot.examples.fraud;

import java.util.Objects;

/**
 * A card transaction.
 *
 * @param id          the transaction's sequence number
 * @param card        the card's id
 * @param amountCents the amount in cents; positive
 * @param merchant    the merchant's id
 * @param timeMillis  event time, milliseconds since the epoch
 */
public record Transaction(long id, String card, long amountCents, String merchant, long timeMillis) {

    /**
     * Validates the fields.
     *
     * @param id          the transaction's sequence number
     * @param card        the card's id
     * @param amountCents the amount in cents
     * @param merchant    the merchant's id
     * @param timeMillis  event time
     */
    public Transaction {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(merchant, "merchant");
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amount must be positive, got " + amountCents);
        }
    }
}
