package io.sabot.benchmarks.supervision;

import io.sabot.api.supervision.ChildSpec;
import io.sabot.supervision.ChildThreads;
import io.sabot.supervision.SimpleOneForOneStrategy;
import io.sabot.supervision.Supervisor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Prints the memory one idle dynamic child costs: heap (after GC) and resident set size (Linux {@code VmRSS},
 * which includes the thread stacks), measured over {@code args[0]} children (default 10,000) on {@code args[1]}
 * threads ({@code PLATFORM}, the default, or {@code VIRTUAL}).
 */
public final class IdleChildMemory {

    private IdleChildMemory() {
    }

    /**
     * Runs the measurement.
     *
     * @param args optional child count
     * @throws Exception if the measurement fails
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ChildThreads threads = args.length > 1 ? ChildThreads.valueOf(args[1]) : ChildThreads.PLATFORM;
        CountDownLatch running = new CountDownLatch(count);
        Supervisor supervisor = Supervisor.builder("pool").strategy(new SimpleOneForOneStrategy()).threads(threads)
                .template(ChildSpec.worker("idle", a -> DynamicChildrenStartBenchmark.idle(running)).build()).build();
        supervisor.start();
        supervisor.startChild(List.of()); // warm the code paths
        long heapBefore = usedHeap();
        long rssBefore = rssBytes();
        long begin = System.nanoTime();
        for (int i = 1; i < count; i++) {
            supervisor.startChild(List.of());
        }
        running.await();
        long elapsed = System.nanoTime() - begin;
        long heapAfter = usedHeap();
        long rssAfter = rssBytes();
        System.out.printf("started %d idle children on %s threads in %.0f ms%n", count - 1, threads, elapsed / 1e6);
        System.out.printf("heap per idle child: %.0f bytes%n", (heapAfter - heapBefore) / (double) (count - 1));
        System.out.printf("resident memory per idle child: %.0f bytes%n",
                (rssAfter - rssBefore) / (double) (count - 1));
        supervisor.stop();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long rssBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
