package io.sabot.savepoint.fs;

import io.sabot.api.savepoint.PutMode;
import io.sabot.tck.savepoint.PatternInputStream;
import java.nio.file.Path;

/**
 * The child process of {@link FsSavepointStoreCrashTest}: writes objects of known content into a store without
 * end, printing each key once it is stored, until it is killed.
 */
public final class FsCrashWriter {

    /** Object size: several write buffers, so a kill can land inside a write. */
    static final int SIZE = 3 * 1024 * 1024 + 17;

    private FsCrashWriter() {
    }

    /**
     * Writes objects.
     *
     * @param args the store directory
     * @throws Exception if a write fails
     */
    public static void main(String[] args) throws Exception {
        FsSavepointStore store = FsSavepointStore.open(Path.of(args[0]));
        for (int i = 0; ; i++) {
            String key = String.format("sp-%05d/agent-a/state.bin", i);
            store.put(key, new PatternInputStream(SIZE), SIZE, PutMode.OVERWRITE);
            store.put(String.format("sp-%05d/_metadata.json", i), new PatternInputStream(100), 100,
                    PutMode.CREATE_IF_ABSENT);
            System.out.println(key);
            System.out.flush();
        }
    }
}
