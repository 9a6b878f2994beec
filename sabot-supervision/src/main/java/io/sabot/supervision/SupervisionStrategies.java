package io.sabot.supervision;

import io.sabot.api.supervision.SupervisionStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The supervision strategies known to a worker, looked up by name (for example {@code --supervision rest_for_one}).
 *
 * <p>Built from a map of name to strategy, such as the one {@link SupervisionModule} collects with a Guice
 * {@code MapBinder}, or from {@link #builtIns()}. Immutable and thread-safe.
 */
public final class SupervisionStrategies {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, SupervisionStrategy> byName;

    /**
     * Creates the registry.
     *
     * @param strategies strategies by name; each key must equal its strategy's {@link SupervisionStrategy#name()}
     * @throws IllegalArgumentException if a name is not snake case or does not match its strategy
     */
    public SupervisionStrategies(Map<String, SupervisionStrategy> strategies) {
        Map<String, SupervisionStrategy> copy = new TreeMap<>();
        for (Map.Entry<String, SupervisionStrategy> e : strategies.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "strategy name");
            SupervisionStrategy strategy = Objects.requireNonNull(e.getValue(), () -> "strategy '" + name + "'");
            requireValidName(name);
            if (!name.equals(strategy.name())) {
                throw new IllegalArgumentException("strategy " + strategy.getClass().getName() + " is registered as '"
                        + name + "' but its name() is '" + strategy.name() + "'; register it under its own name");
            }
            copy.put(name, strategy);
        }
        this.byName = Map.copyOf(copy);
    }

    /** {@return a registry of the four built-in strategies} */
    public static SupervisionStrategies builtIns() {
        return new SupervisionStrategies(Map.of(
                OneForOneStrategy.NAME, new OneForOneStrategy(),
                OneForAllStrategy.NAME, new OneForAllStrategy(),
                RestForOneStrategy.NAME, new RestForOneStrategy(),
                SimpleOneForOneStrategy.NAME, new SimpleOneForOneStrategy()));
    }

    /**
     * Checks that a strategy name is snake case: a lower-case letter, then lower-case letters, digits and
     * underscores.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not
     */
    public static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid supervision strategy name '" + name
                    + "': use snake case, for example rest_for_one");
        }
        return name;
    }

    /**
     * Finds a strategy by name.
     *
     * @param name the name, for example {@code one_for_all}
     * @return the strategy
     * @throws IllegalArgumentException naming the known strategies, if there is none by that name
     */
    public SupervisionStrategy get(String name) {
        SupervisionStrategy strategy = byName.get(name);
        if (strategy == null) {
            throw new IllegalArgumentException("unknown supervision strategy '" + name + "'; known strategies: "
                    + String.join(", ", names()) + " (a plugin jar on the classpath can add more)");
        }
        return strategy;
    }

    /** {@return the known names, sorted} */
    public List<String> names() {
        return List.copyOf(new TreeMap<>(byName).keySet());
    }
}
