package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ConfigDefaultsTest {

    @Command(name = "worker")
    static final class Probe implements Runnable {
        @Option(names = "--checkpoint-interval", defaultValue = "30s", converter = DurationConverter.class)
        Duration interval;

        @Override
        public void run() {
        }
    }

    private static Duration parse(Map<String, String> env, Properties file, String... args) {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        cli.setDefaultValueProvider(new ConfigDefaults(env, file));
        cli.parseArgs(args);
        return probe.interval;
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void theBuiltInDefaultAppliesWhenNothingElseIsSet() {
        assertThat(parse(Map.of(), new Properties())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theConfigFileBeatsTheDefault() {
        assertThat(parse(Map.of(), props("checkpoint-interval", "5m"))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCommandScopedKeyBeatsAnUnscopedOne() {
        Properties file = props("checkpoint-interval", "5m", "worker.checkpoint-interval", "PT2M");
        assertThat(parse(Map.of(), file)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theEnvironmentBeatsTheFile() {
        Map<String, String> env = Map.of("SABOT_CHECKPOINT_INTERVAL", "90");
        assertThat(parse(env, props("checkpoint-interval", "5m"))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aFlagBeatsTheEnvironment() {
        Map<String, String> env = Map.of("SABOT_CHECKPOINT_INTERVAL", "90");
        assertThat(parse(env, props("checkpoint-interval", "5m"), "--checkpoint-interval", "1s"))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMalformedDurationFromTheEnvironmentIsReportedLikeAFlag() {
        Map<String, String> env = Map.of("SABOT_CHECKPOINT_INTERVAL", "soon");
        assertThatThrownBy(() -> parse(env, new Properties()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("invalid duration 'soon'");
    }

    @Test
    void storeOptionsComeFromPrefixedFileKeysScopedKeysAndThenTheEnvironment() {
        Properties file = props("s3.endpoint", "http://file:9000", "s3.region", "eu-west-1",
                "worker.s3.region", "eu-central-1", "list.s3.region", "us-west-2", "fs.fsync", "false",
                "checkpoint-interval", "5m", "worker.checkpoint-interval", "1m", "gcs.bucket", "ignored");
        Map<String, String> env = Map.of("SABOT_S3_ENDPOINT", "http://env:9000", "SABOT_S3_PATH_STYLE", "false",
                "SABOT_HOME", "/srv/sabot", "SABOT_CHECKPOINT_INTERVAL", "90", "SABOT_S3_", "no name",
                "AWS_REGION", "ap-south-1");

        Map<String, ConfigDefaults.Setting> options = new ConfigDefaults(env, file).storeOptions("worker");

        assertThat(options).containsExactly(
                Map.entry("fs.fsync", new ConfigDefaults.Setting("false", "the config file")),
                Map.entry("s3.endpoint", new ConfigDefaults.Setting("http://env:9000", "SABOT_S3_ENDPOINT")),
                Map.entry("s3.path-style", new ConfigDefaults.Setting("false", "SABOT_S3_PATH_STYLE")),
                Map.entry("s3.region", new ConfigDefaults.Setting("eu-central-1",
                        "the config file (worker.s3.region)")));
        assertThat(new ConfigDefaults(Map.of(), file).storeOptions("list"))
                .containsEntry("s3.region", new ConfigDefaults.Setting("us-west-2", "the config file (list.s3.region)"))
                .containsEntry("s3.endpoint", new ConfigDefaults.Setting("http://file:9000", "the config file"));
        assertThat(new ConfigDefaults.Setting("a-secret", "SABOT_S3_SECRET_ACCESS_KEY"))
                .hasToString("(set by SABOT_S3_SECRET_ACCESS_KEY)");
    }

    @Test
    void envNamesAreDerivedFromLongOptionNames() {
        assertThat(ConfigDefaults.envName("--restart-intensity")).isEqualTo("SABOT_RESTART_INTENSITY");
    }

    @Test
    void loadReadsAPropertiesFileAndNamesAnUnreadableOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sabot.properties");
        Files.writeString(file, "metrics-port=9250\n");
        assertThat(ConfigDefaults.load(file).getProperty("metrics-port")).isEqualTo("9250");
        assertThatThrownBy(() -> ConfigDefaults.load(dir.resolve("missing")))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read config file");
    }
}
