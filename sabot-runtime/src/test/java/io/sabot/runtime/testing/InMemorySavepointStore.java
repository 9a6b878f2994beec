package io.sabot.runtime.testing;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.KeyExistsException;
import io.sabot.api.savepoint.NoSuchKeyException;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoreKeys;
import io.sabot.api.savepoint.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * TEST FIXTURE ONLY: a map-backed {@link SavepointStore}, used until the filesystem store (sabot-savepoint-fs)
 * lands; the end-to-end tests then move to the real store. It can be told to fail puts of matching keys, to
 * simulate a store failing part-way through a checkpoint.
 */
public final class InMemorySavepointStore implements SavepointStore {

    private final Map<String, byte[]> objects = new TreeMap<>();
    private volatile Predicate<String> failPuts = key -> false;

    /**
     * Makes puts of matching keys fail with a {@link StoreException}.
     *
     * @param keys which keys fail
     */
    public void failPutsOf(Predicate<String> keys) {
        this.failPuts = keys;
    }

    /** @return every key present */
    public synchronized List<String> keys() {
        return new ArrayList<>(objects.keySet());
    }

    @Override
    public URI location() {
        return URI.create("memory:/test");
    }

    @Override
    public void put(String key, InputStream data, long length, PutMode mode) throws IOException {
        StoreKeys.requireValid(key);
        byte[] bytes = data.readAllBytes();
        if (bytes.length != length) {
            throw new StoreException("length mismatch for " + key);
        }
        if (failPuts.test(key)) {
            throw new StoreException("simulated failure writing " + key);
        }
        synchronized (this) {
            if (mode == PutMode.CREATE_IF_ABSENT && objects.containsKey(key)) {
                throw new KeyExistsException(location().toString(), key);
            }
            objects.put(key, bytes);
        }
    }

    @Override
    public synchronized InputStream open(String key) throws IOException {
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new NoSuchKeyException(location().toString(), key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public synchronized Optional<StoredObject> stat(String key) {
        byte[] bytes = objects.get(key);
        return bytes == null ? Optional.empty() : Optional.of(new StoredObject(key, bytes.length, Instant.EPOCH));
    }

    @Override
    public synchronized List<StoredObject> list(String prefix) {
        List<StoredObject> out = new ArrayList<>();
        objects.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.add(new StoredObject(k, v.length, Instant.EPOCH));
            }
        });
        return out;
    }

    @Override
    public synchronized List<String> listChildren(String prefix) {
        TreeSet<String> out = new TreeSet<>();
        for (String k : objects.keySet()) {
            if (k.startsWith(prefix)) {
                String rest = k.substring(prefix.length());
                int slash = rest.indexOf('/');
                out.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public synchronized boolean delete(String key) {
        return objects.remove(key) != null;
    }

    @Override
    public synchronized CopyMethod copy(String sourceKey, String targetKey) throws IOException {
        byte[] bytes = objects.get(sourceKey);
        if (bytes == null) {
            throw new NoSuchKeyException(location().toString(), sourceKey);
        }
        objects.put(targetKey, bytes.clone());
        return CopyMethod.STREAM;
    }
}
