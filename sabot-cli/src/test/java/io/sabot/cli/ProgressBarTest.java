package io.sabot.cli;

import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.savepoint.fs.FsSavepointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path home;

    private final StringWriter screen = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final ProgressBar bar = new ProgressBar(new PrintWriter(screen), now::get, Duration.ofMillis(750),
            Duration.ofMillis(200));

    @Test
    void rendersBytesPercentageRateAndTimeLeftOnOneShortLine() {
        String line = ProgressBar.render(430L << 20, 1L << 30, 4_000 * MS);
        assertThat(line).isEqualTo("[##########--------------]  41%  430.0 MiB / 1.0 GiB  107.5 MiB/s  ETA 0:06");
        assertThat(line.length()).isLessThanOrEqualTo(80);
        assertThat(ProgressBar.render(1L << 30, 1L << 30, 65_000 * MS)).endsWith("100%  1.0 GiB / 1.0 GiB  15.8 MiB/s  done in 1:05");
        assertThat(ProgressBar.render(0, 100, MS)).contains("  0%", "ETA --:--");
        assertThat(ProgressBar.render(1L << 20, 5401L << 20, 1_000 * MS)).as("an hour and a half left")
                .endsWith("1.0 MiB/s  ETA 1:30:00");
    }

    @Test
    void aQuickTransferDrawsNothing() {
        bar.started("savepoint", 1000, 2);
        now.addAndGet(700 * MS);
        bar.advanced(1000);
        bar.finished(true);
        assertThat(screen.toString()).isEmpty();
    }

    @Test
    void aSlowTransferIsRedrawnInPlaceAtMostEveryIntervalAndEndsItsLine() {
        bar.started("savepoint", 4000, 4);
        now.addAndGet(800 * MS);
        bar.advanced(1000);
        now.addAndGet(50 * MS);
        bar.advanced(1000); // too soon after the first draw
        now.addAndGet(200 * MS);
        bar.advanced(1000);
        bar.advanced(1000); // too soon again; the end draws the final state
        bar.finished(true);

        String[] draws = screen.toString().split("\r", -1);
        assertThat(draws[0]).isEmpty();
        assertThat(draws).hasSize(4); // the first draw, one redraw, the final state
        assertThat(draws[1]).contains(" 25%");
        assertThat(draws[2]).contains(" 75%");
        assertThat(draws[3]).contains("100%", "done in").endsWith(System.lineSeparator());
    }

    @Test
    void aFailedTransferClearsItsBarForTheErrorLine() {
        bar.started("savepoint", 4000, 4);
        now.addAndGet(900 * MS);
        bar.advanced(1000);
        bar.finished(false);
        String text = screen.toString();
        assertThat(text).endsWith("\r");
        assertThat(text.substring(text.lastIndexOf('\r', text.length() - 2) + 1).trim()).isEmpty();
    }

    @Test
    void savepointCreateDrawsTheBarWhenAskedAndStaysQuietOtherwise() throws IOException {
        writeCheckpoint();
        CliRun quiet = CliRun.of(home, Map.of(), "savepoint", "create", "-A", "io.sabot.examples.fraud.FraudApp",
                "--from-checkpoint");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.err()).as("not a terminal: no bar").isEmpty();

        CliRun shown = CliRun.of(home, Map.of(), "savepoint", "create", "-A", "io.sabot.examples.fraud.FraudApp",
                "--from-checkpoint", "--progress");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.err()).startsWith("\r[").contains("100%  3.0 KiB / 3.0 KiB", "done in")
                .endsWith(System.lineSeparator());
        assertThat(shown.out()).startsWith("Savepoint sp-");

        CliRun json = CliRun.of(home, Map.of(), "savepoint", "create", "-A", "io.sabot.examples.fraud.FraudApp",
                "--from-checkpoint", "--json", "--no-progress");
        assertThat(json.exitCode()).isZero();
        assertThat(json.err()).isEmpty();
    }

    private void writeCheckpoint() throws IOException {
        Files.createDirectories(home.resolve("apps/fraud-app/savepoints"));
        FsSavepointStore store = FsSavepointStore.builder(home.resolve("apps/fraud-app/checkpoints"))
                .createDirectory(true).fsync(false).build();
        CheckpointStorage storage = new CheckpointStorage(store);
        List<SnapshotFile> files = new ArrayList<>();
        List<String> agents = List.of("detector", "alert-sink", "transactions-source");
        for (String agent : agents) {
            files.add(storage.writeState(1, agent, new byte[1024]));
        }
        storage.writeMetadata(new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION, SnapshotKind.CHECKPOINT, "chk-1",
                "fraud-app", Instant.now(), "", 1, agents, files, Map.of()));
    }
}
