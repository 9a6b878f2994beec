package io.sabot.api.savepoint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that forwards every call to another one: the base for decorators that add behaviour to a store (count
 * its calls, log them, refuse some keys, or hide its identity so that copies from it are streamed).
 *
 * <p>Every method forwards unchanged, {@link #close()} included; override the ones to change. Thread-safety: as
 * the delegate's.
 */
public abstract class ForwardingSavepointStore implements SavepointStore {

    private final SavepointStore delegate;

    /**
     * Creates the store.
     *
     * @param delegate the store every call goes to
     */
    protected ForwardingSavepointStore(SavepointStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@return the store every call goes to} */
    protected final SavepointStore delegate() {
        return delegate;
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

    @Override
    public CopyMethod copyFrom(SavepointStore source, String sourceKey, String targetKey) throws IOException {
        return delegate.copyFrom(source, sourceKey, targetKey);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
