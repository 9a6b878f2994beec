package io.sabot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The entry point of the {@code sabot} command.
 *
 * <p>Errors are one line on stderr, {@code sabot: <what went wrong>}, and a documented exit code ({@link ExitCodes});
 * the stack trace follows only with {@code -l DEBUG}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), System.getProperty("user.home")));
    }

    /**
     * Runs the command without exiting.
     *
     * @param args     the command line
     * @param out      standard output
     * @param err      standard error
     * @param env      the environment
     * @param userHome the user's home directory
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, String userHome) {
        LogLevel level;
        try {
            level = LogLevel.parse(optionValue(args, "-l", "--loglevel",
                    env.getOrDefault("SABOT_LOGLEVEL", runsWorker(args) ? "INFO" : "WARN")));
        } catch (IllegalArgumentException e) {
            err.println("sabot: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        level.apply();
        SabotHome home = SabotHome.resolve(env, userHome);
        Properties file;
        try {
            file = configFile(args, home);
        } catch (IOException e) {
            err.println("sabot: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        CommandLine cli = commandLine(home, env, file);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            err.println("sabot: " + e.getMessage());
            String name = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println("Run '" + name + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = e instanceof CliException ? ((CliException) e).exitCode() : ExitCodes.FAILURE;
            err.println("sabot: " + describe(e));
            if (level == LogLevel.DEBUG) {
                e.printStackTrace(err);
            }
            return code;
        });
        return cli.execute(args);
    }

    /**
     * Builds the command tree with its configuration sources.
     *
     * @param home the data directory
     * @param env  the environment
     * @param file the config file's properties
     * @return the command line, ready to execute
     */
    static CommandLine commandLine(SabotHome home, Map<String, String> env, Properties file) {
        SabotCommand root = new SabotCommand();
        root.home(home);
        CommandLine cli = new CommandLine(root);
        cli.addSubcommand("savepoint-create", new SavepointCommands.Create());
        cli.addSubcommand("savepoint-list", new SavepointCommands.ListCommand());
        cli.addSubcommand("savepoint-restore", new SavepointCommands.Restore());
        cli.setDefaultValueProvider(new ConfigDefaults(env, file));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static Properties configFile(String[] args, SabotHome home) throws IOException {
        String explicit = optionValue(args, null, "--config", null);
        if (explicit != null) {
            Path path = Path.of(explicit);
            if (!Files.isRegularFile(path)) {
                throw new IOException("config file " + path + " does not exist");
            }
            return ConfigDefaults.load(path);
        }
        Path implicit = home.root().resolve("sabot.properties");
        return Files.isRegularFile(implicit) ? ConfigDefaults.load(implicit) : new Properties();
    }

    /** Finds an option's value before picocli parses, for the settings that must apply first. */
    private static String optionValue(String[] args, String shortName, String longName, String fallback) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if ((a.equals(longName) || a.equals(shortName)) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (a.startsWith(longName + "=")) {
                return a.substring(longName.length() + 1);
            }
        }
        return fallback;
    }

    /** The worker logs its progress at INFO; the other commands print results and log only warnings by default. */
    private static boolean runsWorker(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-l") || a.equals("--loglevel") || a.equals("--config")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a.equals("worker");
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
