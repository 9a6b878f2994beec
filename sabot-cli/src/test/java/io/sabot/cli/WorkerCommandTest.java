package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.resources.BackpressureThresholds;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkerCommandTest {

    private static final String APP = "io.sabot.examples.fraud.FraudApp";

    @TempDir
    Path home;

    private WorkerCommand parse(Map<String, String> env, Properties file, String... args) {
        CommandLine cli = Main.commandLine(SabotHome.resolve(Map.of(SabotHome.ENV, home.toString()),
                home.toString()), env, file);
        cli.parseArgs(args);
        return cli.getSubcommands().get("worker").getCommand();
    }

    @Test
    void backpressureThresholdsComeFromTheFlagTheEnvironmentOrTheFileInThatOrder() {
        Properties file = new Properties();
        file.setProperty("worker.backpressure", "resource=0.1/0.2/0.3/0.4");

        assertThat(parse(Map.of(), new Properties(), "worker", "-A", APP).config().backpressure())
                .isEqualTo(BackpressureThresholds.DEFAULT);
        assertThat(parse(Map.of(), file, "worker", "-A", APP).config().backpressure())
                .isEqualTo(new BackpressureThresholds(0.1, 0.2, 0.3, 0.4, 0.1, 0.3, 0.5));
        assertThat(parse(Map.of("SABOT_BACKPRESSURE", "flow=0.2/0.4/0.6"), file, "worker", "-A", APP).config()
                .backpressure()).isEqualTo(new BackpressureThresholds(0.5, 0.7, 0.85, 0.95, 0.2, 0.4, 0.6));
        assertThat(parse(Map.of("SABOT_BACKPRESSURE", "flow=0.2/0.4/0.6"), file, "worker", "-A", APP,
                "--backpressure", "resource=60%/70%/80%/90%,flow=0.05/0.1/0.2").config().backpressure())
                .isEqualTo(new BackpressureThresholds(0.6, 0.7, 0.8, 0.9, 0.05, 0.1, 0.2));
    }

    @Test
    void malformedBackpressureThresholdsAreAUsageErrorOnOneLine() {
        CliRun run = CliRun.of(home, Map.of(), "worker", "-A", APP, "--backpressure", "flow=0.5/0.3/0.1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).singleElement().asString()
                .contains("backpressure thresholds must look like resource=0.5/0.7/0.85/0.95,flow=0.1/0.3/0.5")
                .contains("got 'flow=0.5/0.3/0.1'");
        assertThat(home.resolve("apps")).doesNotExist();
    }
}
