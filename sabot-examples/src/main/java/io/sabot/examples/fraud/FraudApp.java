package io.sabot.examples.fraud;

import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fraud-detection demo: {@code transactions-source → transactions → detector → alerts → alert-sink}. Run it
 * with {@code ./sabot worker -A io.sabot.examples.fraud.FraudApp}. See the package documentation for its settings.
 */
public final class FraudApp implements App {

    @Override
    public String id() {
        return "fraud-app";
    }

    @Override
    public void configure(AppBuilder app) {
        double rate = doubleSetting(app, "fraud.rate", 200);
        int cards = (int) doubleSetting(app, "fraud.cards", 500);
        long seed = (long) doubleSetting(app, "fraud.seed", 42);
        double faultRate = doubleSetting(app, "fraud.fault-rate", 0);
        long limit = (long) doubleSetting(app, "fraud.limit", 0);

        ChannelRef<Transaction> transactions = app.channel("transactions", Transaction.class);
        ChannelRef<Alert> alerts = app.channel("alerts", Alert.class);
        app.source("transactions-source", transactions,
                () -> new TransactionSource(seed, cards, rate, limit, System::nanoTime));
        app.agent("detector", transactions,
                new FraudDetector(FraudRules.DEFAULT, alerts, faultRate, () -> ThreadLocalRandom.current().nextDouble()))
                .emitsTo(alerts);
        app.agent("alert-sink", alerts, new AlertSink());
    }

    private static double doubleSetting(AppBuilder app, String key, double fallback) {
        String value = app.setting(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a number, got '" + value + "'");
        }
    }
}
