package io.sabot.cli;

import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.savepoint.fs.FsSavepointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sabot.runtime.savepoint.TransferProgress;
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
        assertThat(ProgressBar.render(430L << 20, 1L << 30, 4_000 * MS))
                .isEqualTo("[########------------]  41% 430.0 MiB / 1.0 GiB  107.5 MiB/s  ETA 0:06");
        assertThat(ProgressBar.render(1L << 30, 1L << 30, 65_000 * MS))
                .endsWith("100% 1.0 GiB / 1.0 GiB  15.8 MiB/s  in 1:05");
        assertThat(ProgressBar.render(0, 100, MS)).contains("   0%", "ETA --:--");
        assertThat(ProgressBar.render(1L << 20, 5401L << 20, 1_000 * MS)).as("an hour and a half left")
                .endsWith("1.0 MiB/s  ETA 1:30:00");
        assertThat(ProgressBar.render(1, 700L << 30, 3_600_000 * MS)).as("more than 99 hours left")
                .endsWith("ETA >99h");
    }

    @Test
    void theLineNeverWrapsOnAnEightyColumnTerminal() {
        long widest = 1023L << 40 | 1023L << 30; // "1023.x TiB"
        long[][] cases = {
            {widest - 1, widest, 1}, // almost done, rate in TiB/s
            {widest, widest, 99L * 3_600_000 * MS + 3_599_000 * MS}, // done after 99:59:59
            {1000L << 20, 1000L << 20, 10_000 * MS},
            {300L << 20, 700L << 30, 3_600_000 * MS}, // ETA over 99 hours
            {1 << 20, 1023L << 30, 36_000_000 * MS}, // ETA in the tens of hours
            {1023, 1023L << 40, 1_000 * MS},
        };
        for (long[] c : cases) {
            assertThat(ProgressBar.render(c[0], c[1], c[2]).length()).as("%s", java.util.Arrays.toString(c))
                    .isLessThanOrEqualTo(ProgressBar.MAX_LINE);
        }
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
        assertThat(draws[3]).contains("100%", "  in 0:").endsWith(System.lineSeparator());
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
        assertThat(shown.err()).startsWith("\r[").contains("100% 3.0 KiB / 3.0 KiB", "  in 0:")
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

    @Test
    void byDefaultTheBarIsDrawnOnlyWhenStandardErrorIsATerminalAndTheOutputIsNotJson() {
        PrintWriter err = new PrintWriter(screen);
        ProgressOption unset = new ProgressOption();
        assertThat(unset.listener(false, err, () -> true)).isInstanceOf(ProgressBar.class);
        assertThat(unset.listener(true, err, () -> true)).isSameAs(TransferProgress.NONE);
        assertThat(unset.listener(false, err, () -> false)).isSameAs(TransferProgress.NONE);
        assertThat(unset.listener(true, err, () -> false)).isSameAs(TransferProgress.NONE);

        ProgressOption on = new ProgressOption();
        on.progress = true;
        assertThat(on.listener(true, err, () -> false)).isInstanceOf(ProgressBar.class);
        ProgressOption off = new ProgressOption();
        off.progress = false;
        assertThat(off.listener(false, err, () -> true)).isSameAs(TransferProgress.NONE);
    }
}
