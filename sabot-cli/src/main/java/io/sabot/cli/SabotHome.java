package io.sabot.cli;

import io.sabot.api.Ids;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The data directory: {@code $SABOT_HOME}, or {@code ~/.sabot} when it is not set (never a temporary directory).
 * Each app has a sub-directory of its own, holding its checkpoints, savepoints, logs and the running worker's
 * address and admin token.
 *
 * @param root the data directory
 */
public record SabotHome(Path root) {

    /** The environment variable that overrides the data directory. */
    public static final String ENV = "SABOT_HOME";

    /**
     * Makes the root absolute.
     *
     * @param root the data directory
     */
    public SabotHome {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /**
     * Resolves the data directory from an environment.
     *
     * @param env         the environment, usually {@link System#getenv()}
     * @param userHomeDir the user's home directory, usually the {@code user.home} property
     * @return the data directory
     */
    public static SabotHome resolve(Map<String, String> env, String userHomeDir) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            return new SabotHome(Path.of(configured));
        }
        return new SabotHome(Path.of(userHomeDir, ".sabot"));
    }

    /**
     * The directory of one app.
     *
     * @param appId a valid app id
     * @return {@code root/apps/<appId>}
     */
    public Path app(String appId) {
        return root.resolve("apps").resolve(Ids.requireValid("app id", appId));
    }

    /**
     * The default checkpoint directory of an app.
     *
     * @param appId a valid app id
     * @return {@code root/apps/<appId>/checkpoints}
     */
    public Path checkpoints(String appId) {
        return app(appId).resolve("checkpoints");
    }

    /**
     * The default savepoint directory of an app.
     *
     * @param appId a valid app id
     * @return {@code root/apps/<appId>/savepoints}
     */
    public Path savepoints(String appId) {
        return app(appId).resolve("savepoints");
    }
}
