package io.sabot.savepoint.fs;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.tck.savepoint.SavepointStoreCompatibilityKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store passes the store compatibility kit, copying by hard link within one filesystem. */
class FsSavepointStoreCompatibilityTest extends SavepointStoreCompatibilityKit {

    @TempDir
    Path tempDir;

    private final AtomicInteger stores = new AtomicInteger();

    @Override
    protected SavepointStore createStore() throws Exception {
        Path dir = Files.createDirectory(tempDir.resolve("store-" + stores.incrementAndGet()));
        return FsSavepointStore.open(dir);
    }

    @Override
    protected Optional<CopyMethod> expectedCopyMethod() {
        return Optional.of(CopyMethod.HARD_LINK);
    }

    @Override
    protected Optional<CopyMethod> expectedCopyFromMethod() {
        return Optional.of(CopyMethod.HARD_LINK);
    }
}
