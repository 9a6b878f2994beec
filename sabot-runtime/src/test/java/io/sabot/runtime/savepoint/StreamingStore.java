package io.sabot.runtime.savepoint;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEST FIXTURE: a real store seen through a plain {@link SavepointStore}, so copies from it cannot be hard links or
 * server-side (the default stream copy is used), and remembering the order of deletes.
 */
final class StreamingStore implements SavepointStore {

    private final SavepointStore delegate;
    final List<String> deletes = new CopyOnWriteArrayList<>();

    StreamingStore(SavepointStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public URI location() {
        return delegate.location();
    }

    @Override
    public void put(String key, InputStream data, long length, PutMode mode) throws IOException {
        delegate.put(key, data, length, mode);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return delegate.open(key);
    }

    @Override
    public Optional<StoredObject> stat(String key) throws IOException {
        return delegate.stat(key);
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public List<String> listChildren(String prefix) throws IOException {
        return delegate.listChildren(prefix);
    }

    @Override
    public boolean delete(String key) throws IOException {
        deletes.add(key);
        return delegate.delete(key);
    }

    @Override
    public CopyMethod copy(String sourceKey, String targetKey) throws IOException {
        try (InputStream in = open(sourceKey)) {
            put(targetKey, in, stat(sourceKey).orElseThrow().size(), PutMode.OVERWRITE);
        }
        return CopyMethod.STREAM;
    }
}
