package io.sabot.benchmarks.savepoint.manager;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A store seen as a store of another kind, so copies from it take the streamed path (what happens across
 * filesystems) instead of hard links. Thread-safe if the store is.
 */
final class ForeignStoreView implements SavepointStore {

    private final SavepointStore delegate;

    ForeignStoreView(SavepointStore delegate) {
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
        return delegate.delete(key);
    }

    @Override
    public CopyMethod copy(String sourceKey, String targetKey) throws IOException {
        return delegate.copy(sourceKey, targetKey);
    }
}
