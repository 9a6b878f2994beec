package io.sabot.benchmarks.runtime;

import io.sabot.api.state.StateCodec;

/**
 * A byte array stored as itself, telling a {@link PauseRecorder} each time a value is encoded: values are encoded
 * only while the agent's state is snapshotted, so the first call marks the start of the snapshot hook.
 *
 * <p>Thread-safety: used on the agent's thread only.
 */
final class RecordingByteArrayCodec implements StateCodec<byte[]> {

    private final PauseRecorder recorder;

    /**
     * Creates the codec.
     *
     * @param recorder told of each encoding
     */
    RecordingByteArrayCodec(PauseRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public byte[] encode(byte[] value) {
        recorder.encoding(System.nanoTime());
        return value;
    }

    @Override
    public byte[] decode(byte[] bytes) {
        return bytes;
    }
}
