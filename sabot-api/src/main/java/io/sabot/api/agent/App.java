package io.sabot.api.agent;

import io.sabot.api.Ids;
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
     * the class's simple name in kebab case ({@code FraudApp} becomes {@code fraud-app}, {@code HTTPIngestApp}
     * becomes {@code http-ingest-app}; an anonymous class or lambda is named after its declaring class). Must be a valid
     * {@link io.sabot.api.Ids identifier}; changing it moves the app to a new directory.
     *
     * @return the app's id
     */
    default String id() {
        String name = getClass().getSimpleName();
        if (name.isEmpty() || name.indexOf('$') >= 0 || name.indexOf('/') >= 0) {
            // An anonymous class or a lambda: name it after the class that declares it ("Outer$1" -> "outer-1").
            name = getClass().getName().substring(getClass().getName().lastIndexOf('.') + 1);
            int lambda = name.indexOf("$$");
            name = (lambda >= 0 ? name.substring(0, lambda) : name).replace('$', '-');
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char before = name.charAt(i - 1);
                boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before)
                        || (Character.isUpperCase(before) && i + 1 < name.length()
                                && Character.isLowerCase(name.charAt(i + 1)));
                if (wordStart) {
                    out.append('-');
                }
            }
            out.append((Character.isLetterOrDigit(c) && c < 0x80) || c == '_' ? c : '-');
        }
        String id = out.toString().toLowerCase(Locale.ROOT).replaceAll("^[^a-z0-9]+", "");
        if (id.isEmpty()) {
            return "app";
        }
        return id.length() > Ids.MAX_LENGTH ? id.substring(0, Ids.MAX_LENGTH) : id;
    }
}
