package io.sabot.benchmarks.savepoint.manager;

import io.sabot.api.savepoint.ForwardingSavepointStore;
import io.sabot.api.savepoint.SavepointStore;

/**
 * A store seen as a store of another kind, so copies from it take the streamed path (what happens across
 * filesystems) instead of hard links. Thread-safe if the store is.
 */
final class ForeignStoreView extends ForwardingSavepointStore {

    ForeignStoreView(SavepointStore delegate) {
        super(delegate);
    }
}
