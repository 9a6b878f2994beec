package io.sabot.examples.fraud;

import io.sabot.api.agent.Agent;
import io.sabot.api.agent.AgentContext;
import io.sabot.api.agent.AgentStream;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.state.MapState;
import io.sabot.api.state.ValueState;
import java.util.function.DoubleSupplier;

/**
 * The stateful detector: keeps per-card {@link CardStats} in map state and a count of processed transactions in
 * value state, applies the {@link FraudRules}, and emits alerts. With a fault rate above zero it throws an
 * {@link InjectedFault} on that share of transactions, chosen at random, so supervision can be watched.
 */
public final class FraudDetector implements Agent<Transaction> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FraudDetector.class);

    /** The name of the map state of per-card stats. */
    public static final String CARDS_STATE = "cards";
    /** The name of the value state counting processed transactions. */
    public static final String PROCESSED_STATE = "processed";

    private final FraudRules rules;
    private final ChannelRef<Alert> alerts;
    private final double faultRate;
    private final DoubleSupplier random;

    /**
     * Creates the detector.
     *
     * @param rules     the rules
     * @param alerts    the channel alerts go to
     * @param faultRate the share of transactions to fail on, 0 to 1
     * @param random    a source of numbers in [0, 1) for fault injection
     */
    public FraudDetector(FraudRules rules, ChannelRef<Alert> alerts, double faultRate, DoubleSupplier random) {
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("fault rate must be between 0 and 1, got " + faultRate);
        }
        this.rules = rules;
        this.alerts = alerts;
        this.faultRate = faultRate;
        this.random = random;
    }

    @Override
    public void run(AgentStream<Transaction> stream, AgentContext context) throws Exception {
        MapState<String, CardStats> cards = context.mapState(CARDS_STATE, String.class, CardStats.class);
        ValueState<Long> processed = context.valueState(PROCESSED_STATE, Long.class);
        LOG.info("detector starts with {} transactions processed and {} cards known", processed.valueOr(0L),
                cards.size());
        for (Transaction t : stream) {
            if (faultRate > 0 && random.getAsDouble() < faultRate) {
                throw new InjectedFault(t.id());
            }
            CardStats before = cards.get(t.card());
            FraudRules.Outcome outcome = rules.apply(before == null ? CardStats.EMPTY : before, t);
            cards.put(t.card(), outcome.stats());
            processed.update(processed.valueOr(0L) + 1);
            if (outcome.alert().isPresent()) {
                context.emit(alerts, outcome.alert().get());
            }
        }
    }
}
