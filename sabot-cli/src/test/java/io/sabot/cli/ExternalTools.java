package io.sabot.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real tools the end-to-end tests run (Prometheus, promtool) on the {@code PATH}, or at the path an
 * environment variable gives. A missing tool fails the test when the environment variable {@code CI} is
 * {@code true}, and skips it otherwise, saying that {@code .ci/run} installs it: the same rule as in
 * {@code sabot-metrics}.
 */
final class ExternalTools {

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
            Path path = Path.of(override);
            return Files.isExecutable(path) ? path
                    : missing(name + " (" + envOverride + "=" + override + " is not executable)");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
            if (candidate != null && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return missing(name);
    }

    private static Path missing(String what) {
        String message = what + " is not installed; .ci/run installs it (Debian package prometheus)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run the real-tool tests, but " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
