package io.sabot.api.agent;

import java.util.Locale;

/**
 * A Sabot application: declares its channels, sources, agents and supervision groups.
 *
 * <p>The CLI loads an app by class name ({@code sabot worker -A com.example.FraudApp}), so an implementation needs
 * a public no-argument constructor. {@link #configure(AppBuilder)} is called once per worker start, before anything
 * runs.
 */
public interface App {

    /**
     * Declares the app's parts.
     *
     * @param app the builder to declare them on; valid only during this call
     */
    void configure(AppBuilder app);

    /**
     * The app's id: the name of its directory under the data directory and of its savepoints' owner. Defaults to
     * the class's simple name in kebab case ({@code FraudApp} becomes {@code fraud-app}). Must be a valid
     * {@link io.sabot.api.Ids identifier}; changing it moves the app to a new directory.
     *
     * @return the app's id
     */
    default String id() {
        String simple = getClass().getSimpleName();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('-');
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
