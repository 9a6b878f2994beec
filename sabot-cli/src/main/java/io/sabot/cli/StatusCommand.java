package io.sabot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sabot status}: a running worker's agents, their state, restarts, resources and backpressure. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows a running worker's agents: state, restarts, last failure, CPU, memory, backpressure.")
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private SabotCommand root;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private AppOption app;

    @Option(names = "--json", description = "Print the worker's /agents document as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        AppContext context = AppContext.resolve(root.home(), app.className(), new StoreOptions(), true);
        WorkerClient worker = context.requireWorker();
        String body = worker.get("/agents");
        if (json) {
            spec.commandLine().getOut().println(body.strip());
            return ExitCodes.OK;
        }
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.FAILURE, "the worker at " + worker.base() + " sent unreadable JSON");
        }
        var out = spec.commandLine().getOut();
        out.println("Worker of app '" + doc.path("app").asText() + "' at " + worker.base() + ", started "
                + doc.path("startedAt").asText() + ", " + (doc.path("ready").asBoolean() ? "ready" : "NOT ready")
                + ", latest checkpoint " + (doc.path("latestCheckpoint").isNull() ? "(none)"
                : doc.path("latestCheckpoint").asText()));
        Table table = new Table("AGENT", "KIND", "GROUP", "STATE", "RESTARTS", "EVENTS", "CPU", "ALLOCATED",
                "BACKPRESSURE", "LAST FAILURE");
        for (JsonNode a : doc.path("agents")) {
            JsonNode usage = a.path("usage");
            table.row(a.path("id").asText(), a.path("kind").asText(), a.path("group").asText(),
                    a.path("state").asText(), a.path("restarts").asInt(), a.path("eventsProcessed").asLong(),
                    figure(usage.path("cpuRatio"), true), figure(usage.path("allocatedBytes"), false),
                    usage.isMissingNode() || usage.isNull() ? "-" : usage.path("backpressure").asText(),
                    a.path("lastFailure").isNull() ? "" : a.path("lastFailure").asText());
        }
        table.print(out);
        return ExitCodes.OK;
    }

    private static String figure(JsonNode node, boolean ratio) {
        if (node.isMissingNode() || node.isNull()) {
            return "-";
        }
        if (!node.isNumber()) {
            return "n/a";
        }
        return ratio ? String.format(Locale.ROOT, "%.1f%%", node.asDouble() * 100) : Table.bytes(node.asLong());
    }
}
