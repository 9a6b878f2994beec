package io.sabot.runtime.savepoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TransferProgress} that remembers the transfer in flight, so another party can ask how far it is: the
 * worker serves {@link #status()} at {@code /savepoint/progress}, and {@code sabot savepoint create} and
 * {@code sabot stop --savepoint} poll it to draw their progress bar while the worker copies. Thread-safe.
 */
public final class TransferTracker implements TransferProgress {

    private record Transfer(long number, String what, long totalBytes, int files) {
    }

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private volatile Transfer current;

    @Override
    public void started(String what, long totalBytes, int files) {
        bytes.set(0);
        current = new Transfer(started.incrementAndGet(), what, totalBytes, files);
    }

    @Override
    public void advanced(long n) {
        bytes.addAndGet(n);
    }

    @Override
    public void finished(boolean succeeded) {
        current = null;
    }

    /**
     * The transfer in flight, as a JSON-ready map: {@code {"active": false}} when there is none, otherwise
     * {@code active}, {@code transfer} (a number that changes with each transfer), {@code what}, {@code bytes} (moved
     * so far, at most the total), {@code totalBytes} and {@code files}.
     *
     * @return a new map
     */
    public Map<String, Object> status() {
        Transfer t = current;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("active", t != null);
        if (t != null) {
            status.put("transfer", t.number());
            status.put("what", t.what());
            status.put("bytes", Math.min(bytes.get(), t.totalBytes()));
            status.put("totalBytes", t.totalBytes());
            status.put("files", t.files());
        }
        return status;
    }
}
