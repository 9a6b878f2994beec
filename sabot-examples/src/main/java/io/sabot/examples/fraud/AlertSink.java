package io.sabot.examples.fraud;

import io.sabot.api.agent.Agent;
import io.sabot.api.agent.AgentContext;
import io.sabot.api.agent.AgentStream;
import io.sabot.api.state.MapState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every alert and counts alerts per reason in map state. */
public final class AlertSink implements Agent<Alert> {

    /** The name of the map state counting alerts per reason. */
    public static final String COUNTS_STATE = "alerts-by-reason";

    private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);

    @Override
    public void run(AgentStream<Alert> stream, AgentContext context) {
        MapState<String, Long> counts = context.mapState(COUNTS_STATE, String.class, Long.class);
        for (Alert alert : stream) {
            long n = counts.merge(alert.reason().name(), 1L, Long::sum);
            LOG.info("fraud alert #{} ({}): {} on transaction {} after {} transactions totalling {} cents",
                    n, alert.reason(), alert.card(), alert.transactionId(), alert.cardCount(), alert.cardTotal());
        }
    }
}
