package io.sabot.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
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
 * <p>Store options ({@link #storeOptions(String)}) follow the same order: a config file key such as
 * {@code s3.endpoint} (or {@code worker.s3.endpoint}) is beaten by the environment variable {@code SABOT_S3_ENDPOINT},
 * which is beaten by {@code --store-option s3.endpoint=...} (applied by {@link StoreOptions}).
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class ConfigDefaults implements IDefaultValueProvider {

    /** The prefixes of the store options read from the config file and the environment. */
    static final List<String> STORE_OPTION_PREFIXES = List.of("s3", "fs");

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
        if (!longName.startsWith("--") || longName.equals("--config") || longName.equals(StoreOptions.FLAG)) {
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

    /**
     * The store options set in the config file and the environment, for a command.
     *
     * <p>From the file: each key with a store prefix ({@code s3.}, {@code fs.}), then the same keys scoped to the
     * command ({@code worker.s3.region}), which win. From the environment, which wins over the file: each variable
     * {@code SABOT_<PREFIX>_<NAME>}, read as the key {@code <prefix>.<name>} in lower case with dashes for the
     * underscores of the name ({@code SABOT_S3_PATH_STYLE} is {@code s3.path-style}).
     *
     * @param command the command's name, for scoped keys
     * @return the options with where each came from, by key
     */
    public Map<String, Setting> storeOptions(String command) {
        Map<String, Setting> options = new TreeMap<>();
        Map<String, Setting> scoped = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            if (isStoreOption(key)) {
                options.put(key, new Setting(file.getProperty(key), "the config file"));
            } else if (key.startsWith(command + ".") && isStoreOption(key.substring(command.length() + 1))) {
                scoped.put(key.substring(command.length() + 1), new Setting(file.getProperty(key),
                        "the config file (" + key + ")"));
            }
        }
        options.putAll(scoped);
        for (String prefix : STORE_OPTION_PREFIXES) {
            String head = "SABOT_" + prefix.toUpperCase(Locale.ROOT) + "_";
            env.forEach((name, value) -> {
                if (name.startsWith(head) && name.length() > head.length()) {
                    options.put(prefix + "." + name.substring(head.length()).toLowerCase(Locale.ROOT)
                            .replace('_', '-'), new Setting(value, name));
                }
            });
        }
        return options;
    }

    /**
     * A value and where it came from, for messages.
     *
     * @param value  the value, which may be a secret
     * @param origin the environment variable, or "the config file"
     */
    public record Setting(String value, String origin) {
        /** {@return the origin only: the value may be a secret} */
        @Override
        public String toString() {
            return "(set by " + origin + ")";
        }
    }

    private static boolean isStoreOption(String key) {
        return STORE_OPTION_PREFIXES.stream().anyMatch(prefix -> key.startsWith(prefix + "."));
    }

    private static String strip(String longName) {
        return longName.startsWith("--") ? longName.substring(2) : longName;
    }
}
