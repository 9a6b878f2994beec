package io.sabot.savepoint.fs;

import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SavepointStoreProvider;
import io.sabot.api.savepoint.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens {@link FsSavepointStore}s for {@code file:} locations ({@code file:///var/lib/sabot/savepoints}; plain paths
 * become such URIs through {@link io.sabot.api.savepoint.StoreLocations}).
 *
 * <p>Options (keys starting with {@code fs.}; other keys are left to other providers and ignored):
 * <ul>
 *   <li>{@value #OPTION_CREATE_DIRECTORY}: {@code true} to create a missing directory; default {@code false}</li>
 *   <li>{@value #OPTION_FSYNC}: {@code false} to skip forcing writes to disk; default {@code true}</li>
 * </ul>
 * An unknown {@code fs.} key or a value other than {@code true}/{@code false} is refused with a message listing the
 * valid ones.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class FsSavepointStoreProvider implements SavepointStoreProvider {

    /** The URI scheme served. */
    public static final String SCHEME = "file";

    /** Option: create the directory if it is missing ({@code true}/{@code false}, default {@code false}). */
    public static final String OPTION_CREATE_DIRECTORY = "fs.create-directory";

    /** Option: force writes to disk ({@code true}/{@code false}, default {@code true}). */
    public static final String OPTION_FSYNC = "fs.fsync";

    private static final Set<String> OPTIONS = Set.of(OPTION_CREATE_DIRECTORY, OPTION_FSYNC);

    private final Clock clock;

    /** Creates the provider with the system UTC clock. */
    public FsSavepointStoreProvider() {
        this(Clock.systemUTC());
    }

    /**
     * Creates the provider.
     *
     * @param clock the clock given to the stores it opens (for the age of temporary files)
     */
    public FsSavepointStoreProvider(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public SavepointStore open(URI location, Map<String, String> options) throws IOException {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        String scheme = location.getScheme() == null ? SCHEME : location.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(SCHEME)) {
            throw new IllegalArgumentException("the filesystem store serves file: locations, not '" + location + "'");
        }
        for (String key : options.keySet()) {
            if (key.startsWith("fs.") && !OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown filesystem store option '" + key + "'; known options: "
                        + new TreeSet<>(OPTIONS));
            }
        }
        Path root;
        try {
            root = location.getScheme() == null ? Path.of(location.getPath()) : Path.of(location);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new StoreException("invalid file location '" + location + "': write an absolute path such as "
                    + "file:///var/lib/sabot/savepoints (" + e.getMessage() + ")", e);
        }
        return FsSavepointStore.builder(root)
                .createDirectory(flag(options, OPTION_CREATE_DIRECTORY, false))
                .fsync(flag(options, OPTION_FSYNC, true))
                .clock(clock)
                .build();
    }

    private static boolean flag(Map<String, String> options, String key, boolean defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("option " + key + " must be true or false, got '" + value + "'");
        }
    }
}
