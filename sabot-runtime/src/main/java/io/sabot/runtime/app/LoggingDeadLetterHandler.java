package io.sabot.runtime.app;

import io.sabot.api.agent.DeadLetter;
import io.sabot.api.agent.DeadLetterHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default dead-letter handler: logs each dead letter at WARN with the agent, channel, event and failure. The
 * event is rendered with {@code toString()}, cut to 200 characters.
 *
 * <p>Thread-safety: stateless.
 */
public final class LoggingDeadLetterHandler implements DeadLetterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingDeadLetterHandler.class);
    private static final int MAX_EVENT_CHARS = 200;

    /** Creates the handler. */
    public LoggingDeadLetterHandler() {
    }

    @Override
    public void handle(DeadLetter letter) {
        String event = String.valueOf(letter.event());
        if (event.length() > MAX_EVENT_CHARS) {
            event = event.substring(0, MAX_EVENT_CHARS) + "...";
        }
        LOG.warn("dead letter: agent '{}' failed on an event from channel '{}' ({}): {}", letter.agentId(),
                letter.channel(), letter.cause().toString(), io.sabot.api.Ids.printable(event));
    }
}
