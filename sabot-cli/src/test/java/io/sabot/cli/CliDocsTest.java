package io.sabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md must hold the real {@code --help} output of every command, verbatim. Regenerate the reference part
 * with {@code ./mvnw -B -q test -pl sabot-cli -am -Dtest=CliDocsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsabot.docs.write=true}.
 */
class CliDocsTest {

    private static final Path DOC = Path.of("..", "docs", "cli.md");
    private static final String MARKER = "<!-- Generated from the commands' --help by CliDocsTest; do not edit below. -->";

    private static List<CommandLine> commands() {
        CommandLine root = Main.commandLine(SabotHome.resolve(Map.of(), "/nonexistent"), Map.of(), new Properties());
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine cli, List<CommandLine> into) {
        into.add(cli);
        for (Map.Entry<String, CommandLine> e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals(e.getValue().getCommandName())) {
                collect(e.getValue(), into);
            }
        }
    }

    private static String help(CommandLine cli) {
        return cli.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    private static String reference() {
        StringBuilder doc = new StringBuilder(MARKER).append("\n");
        for (CommandLine cli : commands()) {
            doc.append("\n### `").append(cli.getCommandSpec().qualifiedName()).append("`\n\n```\n")
                    .append(help(cli)).append("\n```\n");
        }
        return doc.toString();
    }

    @Test
    void theGuideHoldsEveryCommandsRealHelp() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("sabot.docs.write")) {
            int at = doc.indexOf(MARKER);
            String head = at < 0 ? doc : doc.substring(0, at);
            Files.writeString(DOC, head + reference(), StandardCharsets.UTF_8);
            doc = Files.readString(DOC, StandardCharsets.UTF_8);
        }
        for (CommandLine cli : commands()) {
            assertThat(doc).as("docs/cli.md holds the help of '%s' as printed by --help",
                    cli.getCommandSpec().qualifiedName()).contains(help(cli));
        }
    }
}
