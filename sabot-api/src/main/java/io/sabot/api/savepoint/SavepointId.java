package io.sabot.api.savepoint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A savepoint's id: unique, time-sortable, safe as a directory name or key segment.
 *
 * <p>Form: {@code sp-YYYYMMDD-HHMMSS-mmm-rrrrrrrr} - the UTC creation time to the millisecond, then 32 random bits
 * in hex, for example {@code sp-20261203-163512-123-3f9a1c0b}. Ids sort by creation time as plain strings; two
 * savepoints created in the same millisecond differ by their random part (a collision needs about 77,000 savepoints
 * in one millisecond to become likely, and a store's create-if-absent metadata put would still refuse the second).
 * Anything else is rejected by {@link #parse(String)}, which is what keeps {@code ../} out of paths.
 *
 * <p>Immutable.
 */
public final class SavepointId implements Comparable<SavepointId> {

    private static final Pattern FORMAT = Pattern.compile("sp-\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{8}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss-SSS")
                    .withZone(ZoneOffset.UTC)
                    .withResolverStyle(ResolverStyle.STRICT);

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final String value;

    private SavepointId(String value) {
        this.value = value;
    }

    /**
     * Creates a new id for a savepoint created at {@code createdAt}.
     *
     * @param createdAt the creation time, in the years 0000 to 9999 (UTC); truncated to the millisecond
     * @return a fresh id
     * @throws IllegalArgumentException if {@code createdAt} is outside the years the id's form can write
     */
    public static SavepointId generate(Instant createdAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("savepoint creation time " + createdAt
                    + " is outside the years 0000 to 9999 that a savepoint id can hold");
        }
        int random = ThreadLocalRandom.current().nextInt();
        return new SavepointId("sp-" + TIME.format(createdAt) + "-" + String.format("%08x", random));
    }

    /**
     * Parses an id typed by a user or read from a store.
     *
     * @param text the id
     * @return the id
     * @throws IllegalArgumentException if it is not of the form above (the message shows the expected form)
     */
    public static SavepointId parse(String text) {
        Objects.requireNonNull(text, "savepoint id must not be null");
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid savepoint id '" + io.sabot.api.Ids.printable(text)
                    + "': expected sp-YYYYMMDD-HHMMSS-mmm-xxxxxxxx, as printed by 'sabot savepoint list'");
        }
        try {
            TIME.parse(text.substring(3, 22));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid savepoint id '" + text + "': its time part is not a date");
        }
        return new SavepointId(text);
    }

    /**
     * Tells whether a string is a well-formed savepoint id.
     *
     * @param text any string
     * @return true if {@link #parse(String)} would accept it
     */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** {@return the creation time encoded in the id, to the millisecond} */
    public Instant createdAt() {
        return Instant.from(TIME.parse(value.substring(3, 22)));
    }

    /** {@return the id as text} */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(SavepointId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SavepointId && ((SavepointId) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
