package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path home;

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of(home, Map.of(), "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: sabot", "generate-completion", "Exit codes: 0 ok");
    }

    @Test
    void anUnknownOptionIsAUsageErrorOnOneLinePlusAHint() {
        CliRun run = CliRun.of(home, Map.of(), "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err()).startsWith("sabot: Unknown option: '--no-such-option'").contains("--help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedLogLevelIsAUsageError() {
        CliRun run = CliRun.of(home, Map.of(), "-l", "LOUD", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("sabot: invalid log level 'LOUD': use DEBUG, INFO, WARN or ERROR"
                + System.lineSeparator());
    }

    @Test
    void aMissingConfigFileIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of(home, Map.of(), "--config", home.resolve("nope.properties").toString(), "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("config file").contains("nope.properties").contains("does not exist");
    }

    @Test
    void versionNamesSabotAndTheJvm() {
        CliRun run = CliRun.of(home, Map.of(), "--version");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("sabot ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void completionScriptIsGenerated() {
        CliRun run = CliRun.of(home, Map.of(), "generate-completion");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("complete -F").contains("sabot");
    }
}
