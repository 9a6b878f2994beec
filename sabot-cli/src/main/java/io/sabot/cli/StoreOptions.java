package io.sabot.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Where checkpoints and savepoints are: {@code --checkpoint-dir} and {@code --savepoint-dir}. */
public final class StoreOptions {

    @Option(names = "--checkpoint-dir", paramLabel = "PATH|URI",
            description = "Where checkpoints are: a path or s3://bucket/prefix "
                    + "(default: $SABOT_HOME/apps/<app>/checkpoints).")
    private String checkpointDir;

    @Option(names = "--savepoint-dir", paramLabel = "PATH|URI",
            description = "Where savepoints are: a path or s3://bucket/prefix "
                    + "(default: $SABOT_HOME/apps/<app>/savepoints).")
    private String savepointDir;

    /** {@return the checkpoint location, if given} */
    public Optional<String> checkpointDir() {
        return Optional.ofNullable(checkpointDir);
    }

    /** {@return the savepoint location, if given} */
    public Optional<String> savepointDir() {
        return Optional.ofNullable(savepointDir);
    }
}
