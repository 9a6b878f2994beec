package io.sabot.runtime.app;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an app's settings ({@link io.sabot.api.agent.AppBuilder#setting(String)}) are read from, first match wins:
 * the worker's configuration ({@code --set key=value}), then a system property of the same name, then an
 * environment variable named after the key in upper case with {@code .} and {@code -} replaced by {@code _}
 * ({@code fraud.fault-rate} is {@code FRAUD_FAULT_RATE}).
 *
 * <p>Immutable and thread-safe, if the lookups given to it are.
 */
public final class AppSettings {

    private final Map<String, String> configured;
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    /**
     * Creates settings over explicit lookups, for tests and embedding.
     *
     * @param configured       the worker's configuration
     * @param systemProperties reads a system property, null if unset
     * @param environment      reads an environment variable, null if unset
     */
    public AppSettings(Map<String, String> configured, Function<String, String> systemProperties,
                       Function<String, String> environment) {
        this.configured = Map.copyOf(configured);
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Creates settings over the worker's configuration, the JVM's system properties and the process environment.
     *
     * @param configured the worker's configuration
     * @return the settings
     */
    public static AppSettings of(Map<String, String> configured) {
        return new AppSettings(configured, System::getProperty, System::getenv);
    }

    /**
     * Reads a setting.
     *
     * @param key the setting's name
     * @return its value, if set anywhere
     */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "setting key must not be null");
        String value = configured.get(key);
        if (value == null) {
            value = systemProperties.apply(key);
        }
        if (value == null) {
            value = environment.apply(environmentName(key));
        }
        return Optional.ofNullable(value);
    }

    /**
     * The environment variable a key is read from.
     *
     * @param key the setting's name
     * @return the key in upper case with {@code .} and {@code -} as {@code _}
     */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
