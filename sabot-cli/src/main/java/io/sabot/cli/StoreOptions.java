package io.sabot.cli;

import io.sabot.runtime.savepoint.StoreOptionKeys;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Where checkpoints and savepoints are, and how to reach them: {@code --checkpoint-dir}, {@code --savepoint-dir} and
 * the repeatable {@code --store-option KEY=VALUE}.
 *
 * <p>Store options are resolved by {@link #storeOptions()}: flags beat {@code SABOT_S3_*}/{@code SABOT_FS_*}
 * environment variables, which beat {@code s3.*}/{@code fs.*} keys of the config file (see
 * {@link ConfigDefaults#storeOptions(String)}).
 */
public final class StoreOptions {

    /** The flag that sets one store option. */
    static final String FLAG = "--store-option";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--checkpoint-dir", paramLabel = "PATH|URI",
            description = "Where checkpoints are: a path or s3://bucket/prefix "
                    + "(default: $SABOT_HOME/apps/<app>/checkpoints).")
    private String checkpointDir;

    @Option(names = "--savepoint-dir", paramLabel = "PATH|URI",
            description = "Where savepoints are: a path or s3://bucket/prefix "
                    + "(default: $SABOT_HOME/apps/<app>/savepoints).")
    private String savepointDir;

    @Option(names = FLAG, paramLabel = "KEY=VALUE", converter = OptionConverter.class,
            description = {"A setting of the stores, repeatable, for example",
                "  s3.endpoint=URL    s3.region=NAME",
                "  s3.profile=NAME    fs.fsync=false",
                "(all are in docs/savepoints.md). Also read from the",
                "config file's s3.* and fs.* keys and from",
                "SABOT_S3_* and SABOT_FS_* variables. Keep secrets",
                "off the command line, where ps shows them: use the",
                "config file, AWS_* variables or s3.profile."})
    private List<KeyValue> flags = new ArrayList<>();

    private final Map<String, String> origins = new TreeMap<>();

    /** {@return the checkpoint location, if given} */
    public Optional<String> checkpointDir() {
        return Optional.ofNullable(checkpointDir);
    }

    /** {@return the savepoint location, if given} */
    public Optional<String> savepointDir() {
        return Optional.ofNullable(savepointDir);
    }

    /**
     * Resolves the store options: the config file's and the environment's, then the flags. Warns once on stderr
     * when a secret is given by a flag, since other users of the machine can read command lines.
     *
     * @return the options, by key; their text form masks secrets
     * @throws CliException (usage) if a key from the config file or the environment is malformed
     */
    public Map<String, String> storeOptions() {
        Map<String, String> options = new TreeMap<>();
        origins.clear();
        if (command != null && command.defaultValueProvider() instanceof ConfigDefaults) {
            ((ConfigDefaults) command.defaultValueProvider()).storeOptions(command.name()).forEach((key, setting) -> {
                options.put(key, setting.value());
                origins.put(key, setting.origin());
            });
        }
        List<String> secretFlags = new ArrayList<>();
        for (KeyValue flag : flags) {
            options.put(flag.key(), flag.value());
            origins.put(flag.key(), FLAG);
            if (StoreOptionKeys.isSecret(flag.key()) && !secretFlags.contains(flag.key())) {
                secretFlags.add(flag.key());
            }
        }
        if (!secretFlags.isEmpty() && command != null) {
            PrintWriter err = command.commandLine().getErr();
            err.println("sabot: warning: " + String.join(", ", secretFlags) + " given with " + FLAG + " can be read "
                    + "by other users of this machine (ps); put it in the config file (readable by you only) or use "
                    + "AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN or s3.profile instead");
            err.flush();
        }
        try {
            return StoreOptionKeys.copyOf(options);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage() + " (from the config file or a SABOT_ variable)",
                    e);
        }
    }

    /**
     * Adds to a store's message about a refused option where that option was set, since it may come from a
     * forgotten config file key or environment variable.
     *
     * @param message the store's message, which quotes the key ({@code unknown S3 store option 's3.bucket'})
     * @return the message, with {@code (s3.bucket was set by SABOT_S3_BUCKET)} for each key it quotes
     */
    String withOrigins(String message) {
        StringBuilder text = new StringBuilder(String.valueOf(message));
        origins.forEach((key, origin) -> {
            if (text.indexOf("'" + key + "'") >= 0) {
                text.append(" (").append(key).append(" was set by ").append(origin).append(')');
            }
        });
        return text.toString();
    }

    /** One {@code --store-option}: a checked key and its value, which may be a secret. */
    record KeyValue(String key, String value) {
        @Override
        public String toString() {
            return key + "=" + (StoreOptionKeys.isSecret(key) ? StoreOptionKeys.MASK : value);
        }
    }

    /** Reads {@code KEY=VALUE}; its messages never repeat the value, which may be a secret. */
    static final class OptionConverter implements ITypeConverter<KeyValue> {
        @Override
        public KeyValue convert(String text) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new TypeConversionException("write KEY=VALUE, for example s3.endpoint=http://127.0.0.1:9000"
                        + (looksLikeKey(text) ? "; '" + text + "' has no value" : ""));
            }
            String key = text.substring(0, eq).trim();
            try {
                return new KeyValue(StoreOptionKeys.requireValid(key), text.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                // Quote only what looks like a key in the wrong case: anything else may be a pasted secret.
                throw new TypeConversionException(looksLikeKey(key.toLowerCase(java.util.Locale.ROOT))
                        ? e.getMessage()
                        : "the text before '=' is not a store option key; write PREFIX.NAME in lower case, such as "
                                + "s3.endpoint=http://127.0.0.1:9000 or fs.fsync=false");
            }
        }

        /** A lone key is worth repeating in the message; anything else might be a secret pasted in the wrong place. */
        private static boolean looksLikeKey(String text) {
            try {
                StoreOptionKeys.requireValid(text);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
