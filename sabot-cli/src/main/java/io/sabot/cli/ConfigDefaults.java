package io.sabot.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option values that were not given on the command line, so that flags beat environment variables, which
 * beat the config file, which beats the built-in defaults.
 *
 * <p>For an option {@code --checkpoint-interval} of the command {@code worker}:
 * <ol>
 *   <li>the environment variable {@code SABOT_CHECKPOINT_INTERVAL};</li>
 *   <li>the config file key {@code worker.checkpoint-interval}, then {@code checkpoint-interval};</li>
 *   <li>the option's own default.</li>
 * </ol>
 * The config file is a Java properties file: the one named by {@code --config}, or {@code $SABOT_HOME/sabot.properties}
 * when it exists.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class ConfigDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;
    private final Properties file;

    /**
     * Creates the provider.
     *
     * @param env  the environment
     * @param file the config file's properties; empty if there is none
     */
    public ConfigDefaults(Map<String, String> env, Properties file) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Reads a config file.
     *
     * @param path the file
     * @return its properties
     * @throws IOException if it cannot be read; the message names the file
     */
    public static Properties load(Path path) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IOException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
        return p;
    }

    /**
     * The environment variable read for an option.
     *
     * @param longName the option's long name, for example {@code --checkpoint-interval}
     * @return for example {@code SABOT_CHECKPOINT_INTERVAL}
     */
    public static String envName(String longName) {
        return "SABOT_" + strip(longName).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec)) {
            return null;
        }
        OptionSpec option = (OptionSpec) argSpec;
        String longName = option.longestName();
        if (!longName.startsWith("--") || longName.equals("--config")) {
            return null;
        }
        String fromEnv = env.get(envName(longName));
        if (fromEnv != null) {
            return fromEnv;
        }
        String key = strip(longName);
        if (option.command() != null) {
            String scoped = file.getProperty(option.command().name() + "." + key);
            if (scoped != null) {
                return scoped;
            }
        }
        return file.getProperty(key);
    }

    private static String strip(String longName) {
        return longName.startsWith("--") ? longName.substring(2) : longName;
    }
}
