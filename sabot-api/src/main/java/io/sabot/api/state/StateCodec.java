package io.sabot.api.state;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Encodes state values into the bytes of a snapshot and back.
 *
 * <p>{@code decode(encode(v))} must equal {@code v}. The encoding is part of the savepoint format of the app: change
 * it only in a way that still reads old snapshots. Thread-safety: implementations must be thread-safe.
 *
 * @param <T> the value type
 */
public interface StateCodec<T> {

    /**
     * Encodes a value.
     *
     * @param value the value; not null
     * @return its bytes
     */
    byte[] encode(T value);

    /**
     * Decodes a value.
     *
     * @param bytes what {@link #encode(Object)} produced
     * @return the value
     * @throws IllegalArgumentException if the bytes are not a valid encoding
     */
    T decode(byte[] bytes);

    /** {@return a codec of strings as UTF-8} */
    static StateCodec<String> utf8() {
        return new StateCodec<>() {
            @Override
            public byte[] encode(String value) {
                return value.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        };
    }

    /** {@return a codec of longs as eight big-endian bytes} */
    static StateCodec<Long> int64() {
        return new StateCodec<>() {
            @Override
            public byte[] encode(Long value) {
                return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
            }

            @Override
            public Long decode(byte[] bytes) {
                if (bytes.length != Long.BYTES) {
                    throw new IllegalArgumentException("a long is 8 bytes, got " + bytes.length);
                }
                return ByteBuffer.wrap(bytes).getLong();
            }
        };
    }
}
