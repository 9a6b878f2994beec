package io.sabot.cli;

import io.sabot.runtime.savepoint.TransferProgress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal for savepoint transfers: bytes moved out of the total, percentage, rate and
 * time left, redrawn in place with a carriage return.
 *
 * <p>It stays silent for the first {@code delay} of a transfer (a transfer that ends by then never shows a bar),
 * redraws at most every {@code interval}, and ends its line when the transfer ends. Draws happen on the copying
 * threads that report bytes; one draws at a time and the others never wait for it.
 */
final class ProgressBar implements TransferProgress {

    /** Silent this long, so a quick transfer prints nothing. */
    static final Duration DEFAULT_DELAY = Duration.ofMillis(750);
    /** Redrawn at most this often. */
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    private static final int WIDTH = 20;
    /** The longest line {@link #render} returns. */
    static final int MAX_LINE = 79;

    private final PrintWriter terminal;
    private final LongSupplier nanoTime;
    private final long delayNanos;
    private final long intervalNanos;
    private final AtomicLong done = new AtomicLong();
    private final ReentrantLock drawing = new ReentrantLock();
    private volatile long total;
    private volatile long startNanos;
    private long lastDrawNanos;
    private boolean drawn;
    private int lastLength;

    /**
     * @param terminal where the bar is drawn (standard error)
     * @param nanoTime the monotonic clock
     * @param delay    silence at the start; zero draws from the first byte
     * @param interval the shortest time between two draws
     */
    ProgressBar(PrintWriter terminal, LongSupplier nanoTime, Duration delay, Duration interval) {
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.delayNanos = delay.toNanos();
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void started(String what, long totalBytes, int files) {
        drawing.lock();
        try {
            done.set(0);
            total = Math.max(0, totalBytes);
            startNanos = nanoTime.getAsLong();
            drawn = false;
            lastLength = 0;
        } finally {
            drawing.unlock();
        }
    }

    @Override
    public void advanced(long bytes) {
        done.addAndGet(bytes);
        if (!drawing.tryLock()) {
            return;
        }
        try {
            long now = nanoTime.getAsLong();
            if (now - startNanos >= delayNanos && (!drawn || now - lastDrawNanos >= intervalNanos)) {
                draw(now);
            }
        } finally {
            drawing.unlock();
        }
    }

    @Override
    public void finished(boolean succeeded) {
        drawing.lock();
        try {
            if (!drawn) {
                return;
            }
            if (succeeded) {
                draw(nanoTime.getAsLong());
                terminal.print(System.lineSeparator());
            } else {
                terminal.print("\r" + " ".repeat(lastLength) + "\r"); // the error line replaces the bar
            }
            terminal.flush();
            drawn = false;
        } finally {
            drawing.unlock();
        }
    }

    private void draw(long now) {
        String line = render(Math.min(done.get(), total), total, Math.max(1, now - startNanos));
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        terminal.print("\r" + line + pad);
        terminal.flush();
        lastLength = line.length();
        lastDrawNanos = now;
        drawn = true;
    }

    /**
     * One line of the bar, at most {@value #MAX_LINE} characters whatever the figures, so it never wraps on an
     * 80-column terminal (a wrapped line could not be redrawn in place).
     *
     * @param done         bytes moved so far
     * @param total        bytes to move
     * @param elapsedNanos time since the transfer started; positive
     * @return for example {@code [########------------]  42% 430.1 MiB / 1.0 GiB  112.5 MiB/s  ETA 0:05}, and at
     *         the end {@code ... in 0:09}
     */
    static String render(long done, long total, long elapsedNanos) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.floor(fraction * WIDTH);
        double rate = done / (elapsedNanos / 1e9);
        String eta;
        if (done >= total) {
            eta = "in " + clock(elapsedNanos / 1_000_000_000L);
        } else if (rate <= 0) {
            eta = "ETA --:--";
        } else {
            eta = "ETA " + clock((long) Math.min(Long.MAX_VALUE / 2, Math.ceil((total - done) / rate)));
        }
        return String.format(Locale.ROOT, "[%s%s] %3d%% %s / %s  %s/s  %s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), (int) Math.floor(fraction * 100), Table.bytes(done), Table.bytes(total),
                Table.bytes((long) rate), eta);
    }

    /** {@return seconds as m:ss, or h:mm:ss from an hour, or >99h beyond 99:59:59} */
    private static String clock(long seconds) {
        if (seconds >= 100 * 3600) {
            return ">99h";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
