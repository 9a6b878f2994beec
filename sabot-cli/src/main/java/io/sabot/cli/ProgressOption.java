package io.sabot.cli;

import io.sabot.runtime.savepoint.TransferProgress;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code --[no-]progress}: whether a command that moves savepoint bytes draws a progress bar. */
final class ProgressOption {

    @Option(names = "--progress", negatable = true,
            description = {"Draw a progress bar (bytes, rate, time left) on standard error while savepoint files "
                    + "are copied. Default: only when the output is a terminal and not --json, and only once a "
                    + "copy takes more than a moment."})
    Boolean progress;

    /**
     * The progress listener for one command.
     *
     * @param json     whether the command prints JSON
     * @param terminal where the bar goes
     * @return a bar, or {@link TransferProgress#NONE}
     */
    TransferProgress listener(boolean json, PrintWriter terminal) {
        boolean draw = progress != null ? progress : !json && System.console() != null;
        if (!draw) {
            return TransferProgress.NONE;
        }
        // Asked for explicitly: drawn from the first byte, so even a quick copy shows how it went.
        return new ProgressBar(terminal, System::nanoTime,
                progress != null ? java.time.Duration.ZERO : ProgressBar.DEFAULT_DELAY, ProgressBar.DEFAULT_INTERVAL);
    }
}
