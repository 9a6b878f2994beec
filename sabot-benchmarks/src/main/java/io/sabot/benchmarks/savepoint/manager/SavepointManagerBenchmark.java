package io.sabot.benchmarks.savepoint.manager;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.SnapshotFile;
import io.sabot.api.savepoint.SnapshotKind;
import io.sabot.api.savepoint.SnapshotMetadata;
import io.sabot.runtime.checkpoint.CheckpointStorage;
import io.sabot.runtime.savepoint.CreatedSavepoint;
import io.sabot.runtime.savepoint.SavepointManager;
import io.sabot.runtime.savepoint.VerificationResult;
import io.sabot.savepoint.fs.FsSavepointStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Measures the savepoint manager on one filesystem, in one run (not JMH: each operation moves a gigabyte, so a few
 * timed repetitions with a median are enough, and {@code cp -r} is measured between the same runs):
 * <ol>
 *   <li>a savepoint from a checkpoint by hard links ({@link SavepointManager#createFromLatestCheckpoint}; target
 *       at most 100 ms for 1 GiB);</li>
 *   <li>a savepoint by copying (the checkpoint seen as another kind of store, as across filesystems) against
 *       {@code cp -r} of the checkpoint directory (target at least 80% of its throughput), with the manager's
 *       CRC32C check (done as the bytes stream) on and off;</li>
 *   <li>{@link SavepointManager#verify} reading from the page cache (target at least 1 GB/s).</li>
 * </ol>
 *
 * <p>Before each timed step the benchmark runs {@code sync}, so no step pays for the writeback of the one before.
 *
 * <p>Arguments (all optional): {@code --dir PATH} where to write (default {@code target/savepoint-manager-bench}
 * under the working directory; deleted afterwards), {@code --mib N} checkpoint size (default 1024), {@code --files
 * N} files in it (default 16), {@code --runs N} repetitions of each measurement (default 6), {@code --warmup N}
 * untimed rounds first (default 1, so no sample pays for the JIT's first compilation), {@code --copy-threads N} files
 * the manager copies at once (default {@link SavepointManager.Builder#DEFAULT_COPY_THREADS}), {@code --fsync} to force
 * the savepoint store's writes to disk (default off, as {@code cp -r} does not).
 */
public final class SavepointManagerBenchmark {

    private static final LongSupplier NANOS = System::nanoTime;

    private final Path dir;
    private final int mib;
    private final int files;
    private final int runs;
    private final int warmup;
    private final int copyThreads;
    private final boolean fsync;

    private SavepointManagerBenchmark(Path dir, int mib, int files, int runs, int warmup, int copyThreads,
                                      boolean fsync) {
        this.dir = dir;
        this.mib = mib;
        this.files = files;
        this.runs = runs;
        this.warmup = warmup;
        this.copyThreads = copyThreads;
        this.fsync = fsync;
    }

    /**
     * Runs the benchmark and prints one line per measurement.
     *
     * @param args see the class comment
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "savepoint-manager-bench");
        int mib = 1024;
        int files = 16;
        int runs = 6;
        int warmup = 1;
        int copyThreads = SavepointManager.Builder.DEFAULT_COPY_THREADS;
        boolean fsync = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir": dir = Path.of(args[++i]); break;
                case "--mib": mib = Integer.parseInt(args[++i]); break;
                case "--files": files = Integer.parseInt(args[++i]); break;
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--copy-threads": copyThreads = Integer.parseInt(args[++i]); break;
                case "--fsync": fsync = true; break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --dir PATH, --mib N, --files N, --runs N, --warmup N, --copy-threads N, --fsync");
            }
        }
        new SavepointManagerBenchmark(dir.toAbsolutePath(), mib, files, runs, warmup, copyThreads, fsync).run();
    }

    private void run() throws Exception {
        deleteTree(dir);
        Path checkpointDir = Files.createDirectories(dir.resolve("checkpoints"));
        Path savepointDir = Files.createDirectories(dir.resolve("savepoints"));
        Path cpTarget = dir.resolve("cp-r");
        try {
            FsSavepointStore checkpoints = FsSavepointStore.builder(checkpointDir).fsync(false).build();
            long bytes = writeCheckpoint(checkpoints);
            FsSavepointStore savepoints = FsSavepointStore.builder(savepointDir).fsync(fsync).build();
            SavepointManager manager = SavepointManager.builder(savepoints).copyThreads(copyThreads).build();
            SavepointManager unchecked = SavepointManager.builder(savepoints).copyThreads(copyThreads)
                    .checksumStreamCopies(false).build();
            SavepointStore foreign = new ForeignStoreView(checkpoints);
            System.out.printf("checkpoint: %d MiB in %d files under %s; savepoint store fsync=%s; %d files at once; "
                    + "%d runs each after %d untimed%n", mib, files, dir, fsync, copyThreads, runs, warmup);
            for (int w = 0; w < warmup; w++) {
                timeCreate(manager, checkpoints, CopyMethod.HARD_LINK);
                timeCreate(manager, foreign, CopyMethod.STREAM);
                timeCreate(unchecked, foreign, CopyMethod.STREAM);
                timeCpRecursive(checkpointDir.resolve("chk-1"), cpTarget);
            }

            double[] link = new double[runs];
            double[] copy = new double[runs];
            double[] copyUnchecked = new double[runs];
            double[] cp = new double[runs];
            double[] verify = new double[runs];
            for (int r = 0; r < runs; r++) {
                link[r] = timeCreate(manager, checkpoints, CopyMethod.HARD_LINK);
                // The three copies take turns going first: on a shared machine, position in the run matters.
                for (int step = 0; step < 3; step++) {
                    switch ((step + r) % 3) {
                        case 0: copy[r] = timeCreate(manager, foreign, CopyMethod.STREAM); break;
                        case 1: copyUnchecked[r] = timeCreate(unchecked, foreign, CopyMethod.STREAM); break;
                        default: cp[r] = timeCpRecursive(checkpointDir.resolve("chk-1"), cpTarget); break;
                    }
                }
                String id = manager.createFromLatestCheckpoint(checkpoints, "verify").id();
                settle();
                long start = NANOS.getAsLong();
                VerificationResult result = manager.verify(id);
                verify[r] = seconds(start);
                if (!result.ok() || result.bytesChecked() != bytes) {
                    throw new IllegalStateException("verify failed: " + result.problems());
                }
                manager.delete(id);
            }
            System.out.printf("samples (ms): link %s; cp -r %s; checked %s; unchecked %s; verify %s%n", ms(link),
                    ms(cp), ms(copy), ms(copyUnchecked), ms(verify));
            double gb = bytes / 1e9;
            System.out.printf("hard-link savepoint:              median %8.1f ms  (min %.1f ms)   target <= 100 ms%n",
                    median(link) * 1e3, min(link) * 1e3);
            double cpRate = gb / median(cp);
            System.out.printf("cp -r:                            median %8.1f ms  %6.2f GB/s%n",
                    median(cp) * 1e3, cpRate);
            System.out.printf("copy savepoint (CRC32C checked):  median %8.1f ms  %6.2f GB/s  %5.1f%% of cp -r   "
                    + "target >= 80%%%n", median(copy) * 1e3, gb / median(copy), 100 * gb / median(copy) / cpRate);
            System.out.printf("copy savepoint (no CRC32C check): median %8.1f ms  %6.2f GB/s  %5.1f%% of cp -r%n",
                    median(copyUnchecked) * 1e3, gb / median(copyUnchecked),
                    100 * gb / median(copyUnchecked) / cpRate);
            System.out.printf("verify (page cache):              median %8.1f ms  %6.2f GB/s   target >= 1 GB/s%n",
                    median(verify) * 1e3, gb / median(verify));
        } finally {
            deleteTree(dir);
        }
    }

    private double timeCreate(SavepointManager manager, SavepointStore checkpoints, CopyMethod expected)
            throws Exception {
        settle();
        long start = NANOS.getAsLong();
        CreatedSavepoint created = manager.createFromLatestCheckpoint(checkpoints, "bench");
        double took = seconds(start);
        if (created.copyMethod() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + created.copyMethod());
        }
        manager.delete(created.id());
        return took;
    }

    private static double timeCpRecursive(Path source, Path target) throws Exception {
        settle();
        long start = NANOS.getAsLong();
        Process p = new ProcessBuilder("cp", "-r", source.toString(), target.toString()).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("cp -r failed");
        }
        double took = seconds(start);
        deleteTree(target);
        return took;
    }

    /**
     * Writes dirty pages out ({@code sync}) so that each timed step starts from the same state rather than paying for
     * the previous step's writeback; the checkpoint's pages stay in the page cache.
     */
    private static void settle() throws Exception {
        Process p = new ProcessBuilder("sync").inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("sync failed");
        }
    }

    private long writeCheckpoint(FsSavepointStore checkpoints) throws IOException {
        CheckpointStorage storage = new CheckpointStorage(checkpoints);
        long perFile = ((long) mib << 20) / files;
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        List<SnapshotFile> written = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        Path chk = Files.createDirectories(checkpoints.root().resolve(CheckpointStorage.checkpointName(1)));
        for (int i = 0; i < files; i++) {
            String agent = String.format("agent-%02d", i);
            CRC32C crc = new CRC32C();
            try (FileChannel out = FileChannel.open(chk.resolve(CheckpointStorage.stateFile(agent)),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (long left = perFile; left > 0; ) {
                    int n = (int) Math.min(block.length, left);
                    block[0]++;
                    crc.update(block, 0, n);
                    ByteBuffer buffer = ByteBuffer.wrap(block, 0, n);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    left -= n;
                }
            }
            agents.add(agent);
            written.add(new SnapshotFile(CheckpointStorage.stateFile(agent), perFile,
                    SnapshotFile.formatCrc(crc.getValue())));
        }
        storage.writeMetadata(new SnapshotMetadata(SnapshotMetadata.FORMAT_VERSION, SnapshotKind.CHECKPOINT,
                CheckpointStorage.checkpointName(1), "bench-app", Instant.now(), "", 1, agents, written, Map.of()));
        return perFile * files;
    }

    private static double seconds(long startNanos) {
        return (NANOS.getAsLong() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String ms(double[] seconds) {
        return Arrays.toString(Arrays.stream(seconds).mapToLong(v -> Math.round(v * 1e3)).toArray());
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
