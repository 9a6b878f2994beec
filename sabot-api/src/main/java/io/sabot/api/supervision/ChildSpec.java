package io.sabot.api.supervision;

import io.sabot.api.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a child of a supervisor (OTP's child specification).
 *
 * <p>Defaults: {@link RestartPolicy#PERMANENT}, {@link ChildType#WORKER}, and {@link Shutdown#DEFAULT_WORKER} for a
 * worker or {@link Shutdown#DEFAULT_SUPERVISOR} for a supervisor. {@link #attributes()} carry free-form facts about the
 * child that a custom {@link SupervisionStrategy} may read (for example the ids it depends on).
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param id         the child's id, unique among its siblings; a valid {@link Ids identifier}
 * @param factory    creates the child at each start
 * @param restart    when the child is restarted
 * @param shutdown   how the child is stopped
 * @param type       worker or supervisor
 * @param attributes facts for custom strategies; keys are identifiers, values free text
 */
public record ChildSpec(String id, ChildFactory factory, RestartPolicy restart, Shutdown shutdown, ChildType type,
                        Map<String, String> attributes) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param id the child's id, unique among its siblings; a valid {@link Ids identifier}
     * @param factory creates the child at each start
     * @param restart when the child is restarted
     * @param shutdown how the child is stopped
     * @param type worker or supervisor
     * @param attributes facts for custom strategies; keys are identifiers, values free text
     */
    public ChildSpec {
        Ids.requireValid("child id", id);
        Objects.requireNonNull(factory, () -> "child '" + id + "': factory must not be null");
        Objects.requireNonNull(restart, () -> "child '" + id + "': restart policy must not be null");
        Objects.requireNonNull(shutdown, () -> "child '" + id + "': shutdown must not be null");
        Objects.requireNonNull(type, () -> "child '" + id + "': type must not be null");
        Objects.requireNonNull(attributes, () -> "child '" + id + "': attributes must not be null");
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            Ids.requireValid("attribute key of child '" + id + "'", e.getKey());
            Objects.requireNonNull(e.getValue(), () -> "child '" + id + "': attribute '" + e.getKey() + "' is null");
        }
        attributes = Map.copyOf(attributes);
    }

    /**
     * Starts a builder for a worker child.
     *
     * @param id      the child's id
     * @param factory creates the child at each start
     * @return a builder with the defaults described on this type
     */
    public static Builder worker(String id, ChildFactory factory) {
        return new Builder(id, factory, ChildType.WORKER);
    }

    /**
     * Starts a builder for a nested supervisor child.
     *
     * @param id      the child's id
     * @param factory creates the nested supervisor's body at each start
     * @return a builder with the defaults described on this type
     */
    public static Builder supervisor(String id, ChildFactory factory) {
        return new Builder(id, factory, ChildType.SUPERVISOR);
    }

    /**
     * Returns a copy of this spec with another id; the template of dynamic children is copied this way.
     *
     * @param newId the id of the copy
     * @return the copy
     */
    public ChildSpec withId(String newId) {
        return new ChildSpec(newId, factory, restart, shutdown, type, attributes);
    }

    /** Builds a {@link ChildSpec}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final ChildFactory factory;
        private final ChildType type;
        private RestartPolicy restart = RestartPolicy.PERMANENT;
        private Shutdown shutdown;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String id, ChildFactory factory, ChildType type) {
            this.id = id;
            this.factory = factory;
            this.type = type;
        }

        /**
         * Sets the restart policy; default {@link RestartPolicy#PERMANENT}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder restart(RestartPolicy policy) {
            this.restart = policy;
            return this;
        }

        /**
         * Sets how the child is stopped; the default depends on the child's type.
         *
         * @param value the shutdown
         * @return this builder
         */
        public Builder shutdown(Shutdown value) {
            this.shutdown = value;
            return this;
        }

        /**
         * Adds an attribute for custom strategies.
         *
         * @param key   an identifier
         * @param value free text
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the validated spec
         * @throws IllegalArgumentException if a field is invalid
         */
        public ChildSpec build() {
            Shutdown s = shutdown != null ? shutdown
                    : type == ChildType.SUPERVISOR ? Shutdown.DEFAULT_SUPERVISOR : Shutdown.DEFAULT_WORKER;
            return new ChildSpec(id, factory, restart, s, type, attributes);
        }
    }
}
