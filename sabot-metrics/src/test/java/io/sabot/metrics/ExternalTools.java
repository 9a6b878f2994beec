package io.sabot.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real tools the integration tests run: Prometheus, promtool and the Pushgateway on the {@code PATH} (or
 * at a path given by an environment variable), and the StatsD daemon in an npm directory. A missing tool fails the
 * test when the environment variable {@code CI} is {@code true}, and skips it otherwise, saying that
 * {@code .ci/run} installs it.
 */
final class ExternalTools {

    /** Where {@code .ci/run} installs the statsd npm package unless {@code SABOT_STATSD_DIR} says otherwise. */
    static final Path DEFAULT_STATSD_DIR = Paths.get(System.getProperty("user.home"), ".cache", "sabot-tools",
            "statsd");

    private ExternalTools() {
    }

    /**
     * An executable, from the environment variable if set, else from the {@code PATH}.
     *
     * @param name        the executable's name
     * @param envOverride an environment variable that may hold its full path
     * @return its path
     */
    static Path executable(String name, String envOverride) {
        String override = System.getenv(envOverride);
        if (override != null && !override.isBlank()) {
            Path path = Paths.get(override);
            if (Files.isExecutable(path)) {
                return path;
            }
            return missing(name + " (" + envOverride + "=" + override + " is not executable)");
        }
        return onPath(name).orElseGet(() -> missing(name));
    }

    /** @return the statsd daemon's {@code stats.js}, under {@code SABOT_STATSD_DIR} or the default directory */
    static Path statsdScript() {
        String dir = System.getenv("SABOT_STATSD_DIR");
        Path base = dir != null && !dir.isBlank() ? Paths.get(dir) : DEFAULT_STATSD_DIR;
        Path script = base.resolve("node_modules").resolve("statsd").resolve("stats.js");
        if (!Files.isRegularFile(script)) {
            return missing("the statsd npm package (looked for " + script + ")");
        }
        return script;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static <T> T missing(String what) {
        String message = what + " is not installed; .ci/run installs it (Debian packages prometheus and "
                + "prometheus-pushgateway, npm package statsd)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run the real-tool tests, but " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
