package io.sabot.api.supervision;

/**
 * A supervisor's child counts (OTP's {@code count_children}).
 *
 * @param specs       children with a spec in the supervisor, running or not
 * @param active      children whose thread is running
 * @param supervisors children of type {@link ChildType#SUPERVISOR}
 * @param workers     children of type {@link ChildType#WORKER}
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param specs children with a spec in the supervisor, running or not
     * @param active children whose thread is running
     * @param supervisors children of type {@link ChildType#SUPERVISOR}
     * @param workers children of type {@link ChildType#WORKER}
     */
    public ChildCounts {
        if (specs < 0 || active < 0 || supervisors < 0 || workers < 0) {
            throw new IllegalArgumentException("child counts must be zero or more");
        }
        if (supervisors + workers != specs) {
            throw new IllegalArgumentException("supervisors + workers must equal specs");
        }
        if (active > specs) {
            throw new IllegalArgumentException("active children cannot exceed specs");
        }
    }
}
