package io.sabot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sabot.api.Durations;
import io.sabot.api.savepoint.SavepointId;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.savepoint.CleanupResult;
import io.sabot.runtime.savepoint.CreatedSavepoint;
import io.sabot.runtime.savepoint.PruneResult;
import io.sabot.runtime.savepoint.RetentionPolicy;
import io.sabot.runtime.savepoint.SavepointEntry;
import io.sabot.runtime.savepoint.SavepointException;
import io.sabot.runtime.savepoint.SavepointManager;
import io.sabot.runtime.savepoint.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sabot savepoint ...}: create, list, show, restore, delete, verify and prune savepoints. */
@Command(name = "savepoint", mixinStandardHelpOptions = true,
        description = "Create, list, show, restore, delete, verify and prune savepoints.",
        subcommands = {SavepointCommands.Create.class, SavepointCommands.ListCommand.class,
            SavepointCommands.Show.class, SavepointCommands.Restore.class, SavepointCommands.Delete.class,
            SavepointCommands.Verify.class, SavepointCommands.Prune.class})
public final class SavepointCommands {

    @ParentCommand
    SabotCommand root;

    private SavepointCommands() {
    }

    /** What every savepoint sub-command shares: the data directory, the app, the locations, the output. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions stores;

        @Option(names = {"-A", "--app"}, paramLabel = "CLASS",
                description = "The app's class; its directories under $SABOT_HOME are used unless given.")
        String appClass;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        SabotHome home() {
            Object parent = spec.parent() == null ? null : spec.parent().userObject();
            if (parent instanceof SavepointCommands) {
                return ((SavepointCommands) parent).root.home();
            }
            return ((SabotCommand) parent).home();
        }

        AppContext context(boolean needsApp) {
            return AppContext.resolve(home(), appClass, stores, needsApp);
        }

        @Override
        public Integer call() throws Exception {
            try {
                return run();
            } catch (SavepointException | IllegalArgumentException e) {
                throw new CliException(e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.FAILURE,
                        e.getMessage(), e);
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
            }
        }

        abstract int run() throws Exception;
    }

    static Map<String, Object> summary(SnapshotMetadata m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", m.id());
        s.put("app", m.appId());
        s.put("createdAt", m.createdAt());
        s.put("description", m.description());
        s.put("checkpoint", m.checkpointId());
        s.put("agents", m.agentIds());
        s.put("files", m.files().size());
        s.put("bytes", m.totalBytes());
        return s;
    }

    /** {@code sabot savepoint create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a savepoint: fresh from the running worker when one answers, otherwise from the "
                    + "latest retained checkpoint. Says which it did."})
    static final class Create extends Base {
        @Option(names = {"-d", "--description"}, defaultValue = "", paramLabel = "TEXT",
                description = "Free text kept with the savepoint.")
        String description;

        @Option(names = "--from-checkpoint", description = "Use the latest retained checkpoint even if a worker runs.")
        boolean fromCheckpoint;

        @Mixin
        ProgressOption progress;

        @Override
        int run() throws Exception {
            AppContext app = context(true);
            Optional<WorkerClient> worker = fromCheckpoint ? Optional.empty() : app.worker().filter(WorkerClient::isReachable);
            if (worker.isPresent()) {
                WorkerClient client = worker.get();
                String body = WorkerTransferWatch.run(() -> client.post("/admin/savepoint?description="
                        + java.net.URLEncoder.encode(description, java.nio.charset.StandardCharsets.UTF_8),
                        Duration.ofMinutes(10)), client::transferStatus, progress.listener(json, err()),
                        WorkerTransferWatch.POLL);
                JsonNode result = Json.MAPPER.readTree(body);
                if (json) {
                    Json.print(out(), result);
                } else {
                    out().println("Savepoint " + result.path("savepoint").asText() + " created fresh by the running "
                            + "worker at " + worker.get().base() + " (checkpoint " + result.path("checkpoint").asLong()
                            + ", " + Table.bytes(result.path("bytes").asLong()) + ", "
                            + result.path("copy").asText().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
                }
                return ExitCodes.OK;
            }
            try (SavepointStore savepoints = app.open(app.savepointLocation(), "savepoint");
                 SavepointStore checkpoints = app.open(app.checkpointLocation(), "checkpoint")) {
                CreatedSavepoint created = SavepointManager.builder(savepoints)
                        .progress(progress.listener(json, err())).build()
                        .createFromLatestCheckpoint(checkpoints, description);
                if (json) {
                    Map<String, Object> s = summary(created.metadata());
                    s.put("source", "checkpoint");
                    s.put("copy", created.copyMethod().name());
                    Json.print(out(), s);
                } else {
                    out().println("Savepoint " + created.id() + " created from retained checkpoint chk-"
                            + created.metadata().checkpointId() + " (no running worker answered; "
                            + Table.bytes(created.metadata().totalBytes()) + ", "
                            + created.copyMethod().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code sabot savepoint list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists savepoints, oldest first.")
    static final class ListCommand extends Base {
        @Override
        int run() throws Exception {
            AppContext app = context(false);
            try (SavepointStore store = app.open(app.savepointLocation(), "savepoint")) {
                List<SavepointEntry> entries = SavepointManager.of(store).list();
                for (SavepointEntry e : entries) {
                    e.warning().ifPresent(w -> err().println("sabot: warning: " + w));
                }
                List<SnapshotMetadata> readable = new ArrayList<>();
                entries.forEach(e -> e.metadata().ifPresent(readable::add));
                if (json) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    readable.forEach(m -> list.add(summary(m)));
                    Json.print(out(), list);
                    return ExitCodes.OK;
                }
                if (readable.isEmpty()) {
                    out().println("No savepoints in " + store.location());
                    return ExitCodes.OK;
                }
                Table table = new Table("ID", "CREATED", "CHECKPOINT", "SIZE", "DESCRIPTION");
                readable.forEach(m -> table.row(m.id(), m.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        "chk-" + m.checkpointId(), Table.bytes(m.totalBytes()),
                        m.description().isEmpty() ? "(no description)" : m.description()));
                table.print(out());
                return ExitCodes.OK;
            }
        }
    }

    /** {@code sabot savepoint show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one savepoint's metadata.")
    static final class Show extends Base {
        @Parameters(paramLabel = "ID", description = "The savepoint's id.")
        String id;

        @Override
        int run() throws Exception {
            SavepointId.parse(id);
            AppContext app = context(false);
            try (SavepointStore store = app.open(app.savepointLocation(), "savepoint")) {
                SnapshotMetadata m = SavepointManager.of(store).show(id);
                if (json) {
                    Json.print(out(), m);
                    return ExitCodes.OK;
                }
                out().println("Savepoint   " + m.id());
                out().println("App         " + m.appId());
                out().println("Created     " + m.createdAt());
                out().println("Description " + (m.description().isEmpty() ? "(none)" : m.description()));
                out().println("Checkpoint  chk-" + m.checkpointId());
                out().println("Size        " + Table.bytes(m.totalBytes()) + " in " + m.files().size() + " files");
                Table files = new Table("FILE", "SIZE", "CRC32C");
                m.files().forEach(f -> files.row(f.path(), Table.bytes(f.size()), f.crc32c()));
                files.print(out());
                m.sourcePositions().forEach((s, p) -> out().println("Source " + s + " at offset " + p.offset()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code sabot savepoint restore}: the original design's "restore as checkpoint". */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Copies a savepoint into the app's checkpoint directory as its newest checkpoint, so "
                    + "'sabot worker --recover' resumes from it. The savepoint itself is never changed. "
                    + "(To start a worker from a savepoint directly: sabot worker --from-savepoint ID.)"})
    static final class Restore extends Base {
        @Parameters(paramLabel = "ID", description = "The savepoint's id.")
        String id;

        @Mixin
        ProgressOption progress;

        @Override
        int run() throws Exception {
            SavepointId.parse(id);
            AppContext app = context(true);
            if (app.worker().filter(WorkerClient::isReachable).isPresent()) {
                throw new CliException(ExitCodes.FAILURE, "a worker of app '" + app.appId() + "' is running; stop "
                        + "it first, or start a new worker with --from-savepoint " + id);
            }
            try (SavepointStore savepoints = app.open(app.savepointLocation(), "savepoint");
                 SavepointStore checkpoints = app.open(app.checkpointLocation(), "checkpoint")) {
                SnapshotMetadata restored = SavepointManager.builder(savepoints)
                        .progress(progress.listener(json, err())).build().restoreAsCheckpoint(id, checkpoints);
                if (json) {
                    Json.print(out(), summary(restored));
                } else {
                    out().println("Savepoint " + id + " restored as checkpoint " + restored.id() + " in "
                            + checkpoints.location());
                    out().println("Start the worker with --recover to use it.");
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code sabot savepoint delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a savepoint: its metadata first, then its files.")
    static final class Delete extends Base {
        @Parameters(paramLabel = "ID", description = "The savepoint's id.")
        String id;

        @Override
        int run() throws Exception {
            SavepointId.parse(id);
            AppContext app = context(false);
            try (SavepointStore store = app.open(app.savepointLocation(), "savepoint")) {
                SavepointManager.of(store).delete(id);
                out().println("Savepoint " + id + " deleted from " + store.location());
                return ExitCodes.OK;
            }
        }
    }

    /** {@code sabot savepoint verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks every file's size and CRC32C; exits 1 if any savepoint is damaged.")
    static final class Verify extends Base {
        @Parameters(paramLabel = "ID", arity = "0..*", description = "Savepoints to check (default: all).")
        List<String> ids = new ArrayList<>();

        @Override
        int run() throws Exception {
            ids.forEach(SavepointId::parse);
            AppContext app = context(false);
            try (SavepointStore store = app.open(app.savepointLocation(), "savepoint")) {
                SavepointManager manager = SavepointManager.of(store);
                List<VerificationResult> results = new ArrayList<>();
                if (ids.isEmpty()) {
                    results.addAll(manager.verifyAll());
                } else {
                    for (String id : ids) {
                        results.add(manager.verify(id));
                    }
                }
                boolean ok = results.stream().allMatch(VerificationResult::ok);
                if (json) {
                    Json.print(out(), results);
                } else {
                    Table table = new Table("ID", "RESULT", "FILES", "BYTES", "PROBLEM");
                    results.forEach(r -> table.row(r.id(), r.ok() ? "ok" : "DAMAGED", r.filesChecked(),
                            Table.bytes(r.bytesChecked()), r.problems().isEmpty() ? "" : r.problems().get(0)));
                    table.print(out());
                }
                if (!ok) {
                    throw new CliException(ExitCodes.FAILURE, "damaged savepoints: " + results.stream()
                            .filter(r -> !r.ok()).map(VerificationResult::id).toList());
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code sabot savepoint prune}. */
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Deletes old savepoints by retention policy, and removes leftovers of savepoints that "
                    + "were never completed."})
    static final class Prune extends Base {
        @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N savepoints.")
        Integer keepLast;

        @Option(names = "--older-than", converter = DurationConverter.class, paramLabel = "D",
                description = "Delete only savepoints older than this (60s, 5m, 7d, PT1H).")
        Duration olderThan;

        @Option(names = "--dry-run", description = "Print what would be deleted, delete nothing.")
        boolean dryRun;

        @Option(names = "--leftover-grace", defaultValue = "1h", converter = DurationConverter.class,
                paramLabel = "D", description = "Remove incomplete leftovers older than this (default: ${DEFAULT-VALUE}).")
        Duration grace;

        @Override
        int run() throws Exception {
            if (keepLast == null && olderThan == null) {
                throw new CliException(ExitCodes.USAGE, "give --keep-last N and/or --older-than D");
            }
            AppContext app = context(false);
            RetentionPolicy policy = new RetentionPolicy(keepLast == null ? OptionalInt.empty()
                    : OptionalInt.of(keepLast), Optional.ofNullable(olderThan));
            try (SavepointStore store = app.open(app.savepointLocation(), "savepoint")) {
                SavepointManager manager = SavepointManager.of(store);
                PruneResult result = manager.prune(policy, dryRun);
                CleanupResult cleaned = dryRun ? null : manager.cleanUp(grace);
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("dryRun", dryRun);
                    doc.put("deleted", result.deleted().stream().map(SnapshotMetadata::id).toList());
                    doc.put("kept", result.kept().stream().map(SnapshotMetadata::id).toList());
                    doc.put("leftoversRemoved", cleaned == null ? List.of() : cleaned.incompleteRemoved());
                    Json.print(out(), doc);
                } else {
                    String verb = dryRun ? "would delete" : "deleted";
                    result.deleted().forEach(m -> out().println(verb + " " + m.id() + " (" + m.createdAt() + ")"));
                    out().println(result.deleted().size() + " savepoint(s) " + verb + ", " + result.kept().size()
                            + " kept" + (cleaned == null ? "" : ", " + cleaned.incompleteRemoved().size()
                            + " incomplete leftover(s) removed") + " (policy: "
                            + (keepLast == null ? "" : "keep last " + keepLast)
                            + (keepLast != null && olderThan != null ? ", " : "")
                            + (olderThan == null ? "" : "older than " + Durations.format(olderThan)) + ")");
                }
                return ExitCodes.OK;
            }
        }
    }
}
