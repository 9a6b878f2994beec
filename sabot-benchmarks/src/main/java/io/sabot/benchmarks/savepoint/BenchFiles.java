package io.sabot.benchmarks.savepoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/** File helpers shared by the savepoint store benchmarks. Stateless. */
final class BenchFiles {

    private BenchFiles() {
    }

    /**
     * The directory benchmarks write under: the system property {@code sabot.bench.dir}, else the JVM's temp dir.
     *
     * @return the directory
     */
    static Path baseDirectory() {
        return Path.of(System.getProperty("sabot.bench.dir", System.getProperty("java.io.tmpdir")));
    }

    /**
     * Writes a file of incompressible bytes.
     *
     * @param file  the file
     * @param bytes its size
     * @param seed  the random seed
     * @throws IOException if writing fails
     */
    static void writeRandom(Path file, long bytes, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] block = new byte[1 << 20];
        new Random(seed).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                block[0]++;
                left -= n;
            }
        }
    }

    /**
     * Deletes a directory tree if it exists.
     *
     * @param dir the directory
     * @throws IOException if deleting fails
     */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
