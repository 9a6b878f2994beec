package io.sabot.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FraudRulesTest {

    private final FraudRules rules = new FraudRules(500_000, 60_000, 5);

    private static Transaction tx(long id, long amount, long time) {
        return new Transaction(id, "card-1", amount, "m", time);
    }

    @Test
    void aLargeAmountRaisesAnAlertAndUpdatesTheCardsStats() {
        FraudRules.Outcome outcome = rules.apply(new CardStats(2, 1_000, 0, 2), tx(7, 600_000, 10));

        assertThat(outcome.alert()).hasValueSatisfying(a -> {
            assertThat(a.reason()).isEqualTo(Alert.Reason.LARGE_AMOUNT);
            assertThat(a.transactionId()).isEqualTo(7);
            assertThat(a.cardCount()).isEqualTo(3);
            assertThat(a.cardTotal()).isEqualTo(601_000);
        });
    }

    @Test
    void theSixthTransactionWithinTheWindowRaisesOneVelocityAlert() {
        CardStats stats = CardStats.EMPTY;
        int alerts = 0;
        for (int i = 0; i < 8; i++) {
            FraudRules.Outcome o = rules.apply(stats, tx(i, 100, 1_000L * i));
            stats = o.stats();
            if (o.alert().isPresent()) {
                assertThat(o.alert().get().reason()).isEqualTo(Alert.Reason.VELOCITY);
                assertThat(i).isEqualTo(5);
                alerts++;
            }
        }
        assertThat(alerts).isEqualTo(1);
        assertThat(stats.count()).isEqualTo(8);
    }

    @Test
    void spacedOutTransactionsOpenANewWindowAndRaiseNothing() {
        CardStats stats = CardStats.EMPTY;
        for (int i = 0; i < 20; i++) {
            FraudRules.Outcome o = rules.apply(stats, tx(i, 100, 61_000L * i));
            assertThat(o.alert()).isEmpty();
            stats = o.stats();
            assertThat(stats.windowCount()).isEqualTo(1);
        }
    }
}
