package io.sabot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sabot stop}: stops a running worker gracefully, optionally with a savepoint first (the upgrade flow). */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stops a running worker gracefully. With --savepoint it first takes a savepoint and prints "
                + "its id, to start the next version from (sabot worker --from-savepoint ID)."})
public final class StopCommand implements Callable<Integer> {

    @ParentCommand
    private SabotCommand root;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private AppOption app;

    @Option(names = "--savepoint", description = "Take a savepoint before stopping.")
    private boolean savepoint;

    @Option(names = {"-d", "--description"}, defaultValue = "", paramLabel = "TEXT",
            description = "Free text kept with the savepoint.")
    private String description;

    @Option(names = "--json", description = "Print the worker's answer as JSON.")
    private boolean json;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        AppContext context = AppContext.resolve(root.home(), app.className(), new StoreOptions(), true);
        WorkerClient worker = context.requireWorker();
        String request = "/admin/stop?savepoint=" + savepoint + "&description="
                + URLEncoder.encode(description, StandardCharsets.UTF_8);
        String body = WorkerTransferWatch.run(() -> worker.post(request, Duration.ofMinutes(10)),
                worker::transferStatus, savepoint ? progress.listener(json, spec.commandLine().getErr())
                        : io.sabot.runtime.savepoint.TransferProgress.NONE, WorkerTransferWatch.POLL);
        JsonNode result = Json.MAPPER.readTree(body);
        if (json) {
            Json.print(spec.commandLine().getOut(), result);
        } else if (savepoint) {
            spec.commandLine().getOut().println("Savepoint " + result.path("savepoint").asText() + " taken; the "
                    + "worker at " + worker.base() + " is stopping.");
        } else {
            spec.commandLine().getOut().println("The worker at " + worker.base() + " is stopping.");
        }
        return ExitCodes.OK;
    }
}
