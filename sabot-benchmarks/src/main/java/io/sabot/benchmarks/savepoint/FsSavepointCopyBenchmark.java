package io.sabot.benchmarks.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoredObject;
import io.sabot.savepoint.fs.FsSavepointStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Making a savepoint from a checkpoint on the same filesystem: the filesystem store's hard links, its byte copy
 * (temporary file, optional fsync, atomic rename), and {@code cp -r} of the same directory as the baseline, in one
 * run. Each operation copies a whole checkpoint of {@link #checkpointMiB} MiB in {@link #files} files; the copy is
 * deleted after each operation (not timed). Source files are in the page cache, for all three.
 *
 * <p>Run: see {@code docs/savepoints.md} or the class {@link SavepointBenchmarks}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class FsSavepointCopyBenchmark {

    /** Size of the checkpoint, in MiB. */
    @Param("256")
    public int checkpointMiB;

    /** Number of files the checkpoint is split into. */
    @Param("16")
    public int files;

    /** Whether the store forces writes to disk (hard links and {@code cp -r} do not write data). */
    @Param("false")
    public boolean fsync;

    private Path base;
    private FsSavepointStore store;
    private SavepointStore foreignView;
    private final List<String> keys = new ArrayList<>();

    /**
     * Writes the checkpoint.
     *
     * @throws IOException if writing fails
     */
    @Setup(Level.Trial)
    public void writeCheckpoint() throws IOException {
        base = Files.createTempDirectory(BenchFiles.baseDirectory(), "sabot-fs-bench-");
        store = FsSavepointStore.builder(base).fsync(fsync).build();
        foreignView = new ForeignView(store);
        long perFile = ((long) checkpointMiB << 20) / files;
        for (int i = 0; i < files; i++) {
            String key = String.format("agent-%02d/state.bin", i);
            BenchFiles.writeRandom(base.resolve("chk-1").resolve(key), perFile, i);
            keys.add(key);
        }
    }

    /**
     * Removes the savepoint made by the last operation.
     *
     * @throws IOException if deleting fails
     */
    @TearDown(Level.Invocation)
    public void deleteSavepoint() throws IOException {
        BenchFiles.deleteTree(base.resolve("sp-1"));
    }

    /**
     * Removes everything.
     *
     * @throws IOException if deleting fails
     */
    @TearDown(Level.Trial)
    public void deleteAll() throws IOException {
        BenchFiles.deleteTree(base);
    }

    /**
     * The store's copy within one filesystem: hard links.
     *
     * @return the last copy method, so the work is not optimised away
     * @throws IOException if a copy fails
     */
    @Benchmark
    public CopyMethod storeHardLinks() throws IOException {
        CopyMethod method = null;
        for (String key : keys) {
            method = store.copy("chk-1/" + key, "sp-1/" + key);
        }
        if (method != CopyMethod.HARD_LINK) {
            throw new IllegalStateException("expected hard links, got " + method);
        }
        return method;
    }

    /**
     * The store's byte copy (what it does across filesystems).
     *
     * @return the last copy method
     * @throws IOException if a copy fails
     */
    @Benchmark
    public CopyMethod storeByteCopy() throws IOException {
        CopyMethod method = null;
        for (String key : keys) {
            method = store.copyFrom(foreignView, "chk-1/" + key, "sp-1/" + key);
        }
        if (method != CopyMethod.STREAM) {
            throw new IllegalStateException("expected a byte copy, got " + method);
        }
        return method;
    }

    /**
     * The baseline: {@code cp -r}.
     *
     * @return cp's exit status
     * @throws Exception if cp cannot run or fails
     */
    @Benchmark
    public int cpRecursive() throws Exception {
        Process p = new ProcessBuilder("cp", "-r", base.resolve("chk-1").toString(), base.resolve("sp-1").toString())
                .inheritIO().start();
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException("cp -r exited with " + status);
        }
        return status;
    }

    /** The same store seen as another kind of store, so copies from it take the byte-copy path. */
    private static final class ForeignView extends io.sabot.api.savepoint.ForwardingSavepointStore {
        ForeignView(SavepointStore delegate) {
            super(delegate);
        }
    }
}
