package io.sabot.runtime.savepoint;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which savepoints {@link SavepointManager#prune(RetentionPolicy, boolean)} deletes. A savepoint goes if it is not
 * among the newest {@code keepLast} (when set) <em>and</em> it is older than {@code olderThan} (when set): so
 * {@code keepLast(3)} keeps the three newest, {@code olderThan(30 days)} deletes everything created more than 30
 * days ago, and both together delete what is older than 30 days except the three newest. Savepoints whose metadata
 * is unreadable are never pruned (they are reported by {@link SavepointManager#list()} instead). Immutable.
 *
 * @param keepLast  how many of the newest savepoints to keep, zero or more; empty for no such bound
 * @param olderThan the age past which a savepoint may go, measured from its creation time; empty for no such bound
 */
public record RetentionPolicy(OptionalInt keepLast, Optional<Duration> olderThan) {

    /**
     * Creates the policy.
     *
     * @param keepLast  how many of the newest to keep, or empty
     * @param olderThan the age past which a savepoint may go, or empty
     * @throws IllegalArgumentException if both are empty (that would delete everything), {@code keepLast} is
     *                                  negative or {@code olderThan} is negative
     */
    public RetentionPolicy {
        Objects.requireNonNull(keepLast, "keepLast");
        Objects.requireNonNull(olderThan, "olderThan");
        if (keepLast.isEmpty() && olderThan.isEmpty()) {
            throw new IllegalArgumentException("a retention policy needs a number of savepoints to keep, a maximum "
                    + "age, or both; to delete every savepoint, delete them one by one");
        }
        if (keepLast.isPresent() && keepLast.getAsInt() < 0) {
            throw new IllegalArgumentException("the number of savepoints to keep must be zero or more, got "
                    + keepLast.getAsInt());
        }
        if (olderThan.isPresent() && olderThan.get().isNegative()) {
            throw new IllegalArgumentException("the retention age must not be negative, got " + olderThan.get());
        }
    }

    /**
     * Keeps the newest {@code n} savepoints.
     *
     * @param n how many to keep, zero or more
     * @return the policy
     */
    public static RetentionPolicy keepLast(int n) {
        return new RetentionPolicy(OptionalInt.of(n), Optional.empty());
    }

    /**
     * Deletes savepoints older than {@code age}.
     *
     * @param age the age, measured from each savepoint's creation time
     * @return the policy
     */
    public static RetentionPolicy olderThan(Duration age) {
        return new RetentionPolicy(OptionalInt.empty(), Optional.of(age));
    }

    /**
     * Deletes savepoints older than {@code age} except the newest {@code n}.
     *
     * @param n   how many of the newest to keep
     * @param age the age past which a savepoint may go
     * @return the policy
     */
    public static RetentionPolicy keepLastAndOlderThan(int n, Duration age) {
        return new RetentionPolicy(OptionalInt.of(n), Optional.of(age));
    }
}
