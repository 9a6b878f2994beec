package io.sabot.cli;

import java.util.Locale;

/**
 * The log levels of {@code -l/--loglevel}. The level is applied to slf4j-simple before the first logger is made.
 */
public enum LogLevel {
    /** Everything, and stack traces with every error. */
    DEBUG,
    /** Start-up, plugins, restarts, checkpoints. The default. */
    INFO,
    /** Only what needs attention. */
    WARN,
    /** Only failures. */
    ERROR;

    /**
     * Reads a level the way users write it ({@code debug}, {@code INFO}).
     *
     * @param text the level
     * @return the level
     * @throws IllegalArgumentException naming the accepted levels
     */
    public static LogLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid log level '" + text + "': use DEBUG, INFO, WARN or ERROR");
        }
    }

    /** Points slf4j-simple at this level, unless the user configured it explicitly. */
    public void apply() {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(key) == null) {
            System.setProperty(key, name().toLowerCase(Locale.ROOT));
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
}
