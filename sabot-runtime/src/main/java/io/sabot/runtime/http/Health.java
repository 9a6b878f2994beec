package io.sabot.runtime.http;

import java.util.Objects;

/**
 * The worker's health as {@code /health} reports it.
 *
 * @param live   the process is working (false once the root supervisor gave up)
 * @param ready  every agent is running (false while starting, restarting or stopping)
 * @param detail a short explanation, for example {@code "2 of 3 agents running"}
 */
public record Health(boolean live, boolean ready, String detail) {

    /**
     * Checks for nulls.
     *
     * @param live   the process is working
     * @param ready  every agent is running
     * @param detail a short explanation
     */
    public Health {
        Objects.requireNonNull(detail, "detail");
    }
}
