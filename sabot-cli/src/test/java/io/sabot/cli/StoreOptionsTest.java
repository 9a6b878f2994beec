package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --store-option} and its sources, and what the commands do with the options. */
class StoreOptionsTest {

    private static final String SECRET = "store-options-test-secret";

    @TempDir
    Path home;

    @Command(name = "worker")
    static final class Probe implements Runnable {
        @Mixin
        StoreOptions stores;

        @Override
        public void run() {
        }
    }

    private final StringWriter err = new StringWriter();

    private Map<String, String> resolve(Map<String, String> env, Properties file, String... args) {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        cli.setDefaultValueProvider(new ConfigDefaults(env, file));
        cli.setErr(new PrintWriter(err, true));
        cli.parseArgs(args);
        return probe.stores.storeOptions();
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFile() {
        Properties file = new Properties();
        file.setProperty("s3.endpoint", "http://file:9000");
        file.setProperty("s3.region", "eu-west-1");
        file.setProperty("fs.fsync", "false");
        Map<String, String> env = Map.of("SABOT_S3_ENDPOINT", "http://env:9000", "SABOT_S3_REGION", "eu-central-1");

        Map<String, String> options = resolve(env, file, "--store-option", "s3.endpoint=http://flag:9000",
                "--store-option", "s3.path-style=false", "--store-option", "s3.path-style=true");

        assertThat(options).containsExactly(Map.entry("fs.fsync", "false"),
                Map.entry("s3.endpoint", "http://flag:9000"), Map.entry("s3.path-style", "true"),
                Map.entry("s3.region", "eu-central-1"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theFileAndTheEnvironmentDoNotFeedStoreOptionItself() {
        Properties file = new Properties();
        file.setProperty("store-option", "s3.region=from-file");
        assertThat(resolve(Map.of("SABOT_STORE_OPTION", "s3.region=from-env"), file)).isEmpty();
    }

    @Test
    void aSecretGivenAsAFlagIsWarnedAboutOnceAndNeverShown() {
        Map<String, String> options = resolve(Map.of(), new Properties(),
                "--store-option", "s3.access-key-id=AKIDEXAMPLE",
                "--store-option", "s3.secret-access-key=" + SECRET,
                "--store-option", "s3.session-token=" + SECRET + "-token");

        assertThat(options).containsEntry("s3.secret-access-key", SECRET);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("sabot: warning: s3.secret-access-key, s3.session-token given with --store-option")
                .contains("AWS_SECRET_ACCESS_KEY").doesNotContain(SECRET);
        assertThat(options.toString()).contains("s3.access-key-id=AKIDEXAMPLE", "s3.secret-access-key=********")
                .doesNotContain(SECRET);
    }

    @Test
    void aSecretFromTheFileOrTheEnvironmentIsNotWarnedAbout() {
        Properties file = new Properties();
        file.setProperty("s3.secret-access-key", SECRET);
        assertThat(resolve(Map.of("SABOT_S3_SESSION_TOKEN", SECRET), file)).hasSize(2);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFlagWithoutAValueOrWithAMalformedKeyIsAParameterError() {
        assertThatThrownBy(() -> resolve(Map.of(), new Properties(), "--store-option", "s3.region"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--store-option").hasMessageContaining("KEY=VALUE")
                .hasMessageContaining("'s3.region' has no value");
        assertThatThrownBy(() -> resolve(Map.of(), new Properties(), "--store-option", SECRET))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("KEY=VALUE")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> resolve(Map.of(), new Properties(), "--store-option", "S3.Endpoint=http://x"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'S3.Endpoint' is not PREFIX.NAME");
        // A pasted token with '=' padding: the text before '=' is not shown either.
        String token = "FwoGZXIvYXdzEXAMPLE+token/part==";
        assertThatThrownBy(() -> resolve(Map.of(), new Properties(), "--store-option", token))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("the text before '=' is not a store option key")
                .hasMessageNotContaining("FwoGZXIvYXdz");
    }

    @Test
    void aMalformedKeyInTheFileIsAUsageErrorSayingWhereItCameFrom() {
        Properties file = new Properties();
        file.setProperty("s3.Endpoint", "http://x");
        assertThatThrownBy(() -> resolve(Map.of(), file))
                .isInstanceOf(CliException.class).hasMessageContaining("'s3.Endpoint'")
                .hasMessageContaining("config file")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.USAGE));
    }

    @Test
    void savepointCommandsGiveTheOptionsToTheStoreWithFlagsBeatingTheConfigFile() throws Exception {
        Path missing = home.resolve("not-yet/savepoints");
        Files.writeString(home.resolve("sabot.properties"), "fs.create-directory=true\n");

        CliRun refused = CliRun.of(home, Map.of(), "savepoint", "list", "--savepoint-dir", missing.toString(),
                "--store-option", "fs.create-directory=false");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).startsWith("sabot: cannot open the savepoint directory").contains("does not exist");
        assertThat(missing).doesNotExist();

        CliRun created = CliRun.of(home, Map.of(), "savepoint", "list", "--savepoint-dir", missing.toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCodes.OK);
        assertThat(created.out()).startsWith("No savepoints in");
        assertThat(missing).isDirectory();
    }

    @Test
    void anOptionTheStoreRefusesIsOneLineAndAUsageError() {
        CliRun typo = CliRun.of(home, Map.of(), "savepoint", "list", "--savepoint-dir", home.toString(),
                "--store-option", "fs.fsink=false");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err().lines()).singleElement().asString()
                .startsWith("sabot: cannot open the savepoint directory file:")
                .contains("unknown filesystem store option 'fs.fsink'").contains("fs.fsync")
                .endsWith("(fs.fsink was set by --store-option)");

        CliRun badValue = CliRun.of(home, Map.of(), "savepoint", "verify", "--savepoint-dir", home.toString(),
                "--store-option", "fs.fsync=sometimes");
        assertThat(badValue.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badValue.err()).contains("fs.fsync must be true or false");

        CliRun noValue = CliRun.of(home, Map.of(), "savepoint", "list", "--savepoint-dir", home.toString(),
                "--store-option", "fs.fsync");
        assertThat(noValue.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noValue.err().lines()).hasSize(2).first().asString()
                .startsWith("sabot: Invalid value for option '--store-option'");
    }

    @Test
    void aRefusedOptionSaysWhereItWasSet() {
        CliRun fromEnv = CliRun.of(home, Map.of("SABOT_FS_FSINK", "false"), "savepoint", "list", "--savepoint-dir",
                home.toString());
        assertThat(fromEnv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromEnv.err().lines()).singleElement().asString()
                .contains("unknown filesystem store option 'fs.fsink'")
                .endsWith("(fs.fsink was set by SABOT_FS_FSINK)");
    }

    @Test
    void theWorkerGetsTheOptionsInItsConfiguration() {
        Properties file = new Properties();
        file.setProperty("s3.region", "eu-west-1");
        CommandLine cli = Main.commandLine(SabotHome.resolve(Map.of(SabotHome.ENV, home.toString()),
                home.toString()), Map.of("SABOT_FS_FSYNC", "false"), file);
        cli.parseArgs("worker", "-A", "io.sabot.examples.fraud.FraudApp", "--store-option", "s3.max-attempts=5");
        WorkerCommand worker = cli.getSubcommands().get("worker").getCommand();

        assertThat(worker.config().storeOptions()).containsExactly(Map.entry("fs.fsync", "false"),
                Map.entry("s3.max-attempts", "5"), Map.entry("s3.region", "eu-west-1"));
    }
}
