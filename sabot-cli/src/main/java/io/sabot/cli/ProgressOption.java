package io.sabot.cli;

import io.sabot.runtime.savepoint.TransferProgress;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** {@code --[no-]progress}: whether a command that moves savepoint bytes draws a progress bar. */
final class ProgressOption {

    @Option(names = "--progress", negatable = true,
            description = {"Draw a progress bar (bytes, rate, time left) on standard error while savepoint files "
                    + "are copied. Default: only when standard error is a terminal and not --json, and only once a "
                    + "copy takes more than a moment."})
    Boolean progress;

    /**
     * The progress listener for one command.
     *
     * @param json     whether the command prints JSON
     * @param terminal where the bar goes (standard error)
     * @return a bar, or {@link TransferProgress#NONE}
     */
    TransferProgress listener(boolean json, PrintWriter terminal) {
        return listener(json, terminal, ProgressOption::standardErrorIsTerminal);
    }

    /**
     * The progress listener for one command.
     *
     * @param json       whether the command prints JSON
     * @param terminal   where the bar goes
     * @param isTerminal whether that is a terminal
     * @return a bar, or {@link TransferProgress#NONE}
     */
    TransferProgress listener(boolean json, PrintWriter terminal, BooleanSupplier isTerminal) {
        boolean draw = progress != null ? progress : !json && isTerminal.getAsBoolean();
        if (!draw) {
            return TransferProgress.NONE;
        }
        // Asked for explicitly: drawn from the first byte, so even a quick copy shows how it went.
        return new ProgressBar(terminal, System::nanoTime,
                progress != null ? Duration.ZERO : ProgressBar.DEFAULT_DELAY, ProgressBar.DEFAULT_INTERVAL);
    }

    /**
     * Whether standard error, where the bar is drawn, is a terminal. On Linux its file descriptor is looked up in
     * {@code /proc}; elsewhere {@link System#console()} answers, which looks at standard input and output instead.
     */
    static boolean standardErrorIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isDirectory(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
