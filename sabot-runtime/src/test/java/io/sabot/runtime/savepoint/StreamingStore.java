package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.ForwardingSavepointStore;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEST FIXTURE: a real store seen through a plain {@link SavepointStore}, so copies from it cannot be hard links or
 * server-side (the default stream copy is used), and remembering the order of deletes.
 */
final class StreamingStore extends ForwardingSavepointStore {

    final List<String> deletes = new CopyOnWriteArrayList<>();

    StreamingStore(SavepointStore delegate) {
        super(delegate);
    }

    @Override
    public boolean delete(String key) throws IOException {
        deletes.add(key);
        return super.delete(key);
    }

    @Override
    public CopyMethod copy(String sourceKey, String targetKey) throws IOException {
        try (InputStream in = open(sourceKey)) {
            put(targetKey, in, stat(sourceKey).orElseThrow().size(), PutMode.OVERWRITE);
        }
        return CopyMethod.STREAM;
    }
}
