package io.sabot.cli;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code sabot} command: its global options and its sub-commands.
 */
@Command(name = "sabot",
        mixinStandardHelpOptions = true,
        versionProvider = SabotVersion.class,
        description = "Runs streaming agents with supervision, resource limits, metrics and savepoints.",
        subcommands = {WorkerCommand.class, SavepointCommands.class, StatusCommand.class, StopCommand.class,
            ResourcesCommand.class,
            GenerateCompletion.class},
        usageHelpAutoWidth = true,
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage error, 3 the worker's root supervisor gave up.",
            "Options also come from SABOT_<OPTION> environment variables and the config file "
                    + "($SABOT_HOME/sabot.properties or --config); flags win, then environment, then file."})
public final class SabotCommand {

    /** How much to log, and whether errors show stack traces. */
    @Option(names = {"-l", "--loglevel"}, scope = ScopeType.INHERIT,
            converter = LogLevelConverter.class, paramLabel = "LEVEL",
            description = "DEBUG, INFO, WARN or ERROR (default: INFO for worker, WARN for the other commands). "
                    + "DEBUG adds stack traces to errors.")
    LogLevel logLevel = LogLevel.INFO;

    /** A config file to read option values from. */
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Read option values from this properties file (default: $SABOT_HOME/sabot.properties).")
    java.nio.file.Path config;

    private SabotHome home;

    /**
     * Sets the data directory resolved from the environment.
     *
     * @param value the data directory
     */
    void home(SabotHome value) {
        this.home = value;
    }

    /** {@return the data directory} */
    SabotHome home() {
        return home;
    }

    /** Picocli converter for {@link LogLevel}. */
    static final class LogLevelConverter implements picocli.CommandLine.ITypeConverter<LogLevel> {
        @Override
        public LogLevel convert(String value) {
            return LogLevel.parse(value);
        }
    }
}
