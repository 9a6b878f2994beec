package io.sabot.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.state.StateCodec;
import java.io.IOException;
import java.util.Objects;

/**
 * Encodes state values as JSON with Jackson: the runtime's default codec for state declared with a {@link Class}
 * (records, beans, strings, numbers, lists and maps of them).
 *
 * <p>The JSON form is the savepoint format of such state: renaming a record component changes it, adding one is
 * read as null. Thread-safety: thread-safe (an {@link ObjectMapper} is, once configured).
 *
 * @param <T> the value type
 */
public final class JacksonStateCodec<T> implements StateCodec<T> {

    private final ObjectMapper mapper;
    private final Class<T> type;

    /**
     * Creates a codec on a shared, configured mapper.
     *
     * @param mapper the mapper; not modified
     * @param type   the values' class
     */
    public JacksonStateCodec(ObjectMapper mapper, Class<T> type) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Creates a codec with a mapper of its own, in Jackson's default configuration.
     *
     * @param type the values' class
     * @param <T>  the value type
     * @return the codec
     */
    public static <T> JacksonStateCodec<T> of(Class<T> type) {
        return new JacksonStateCodec<>(new ObjectMapper(), type);
    }

    /** {@return the values' class} */
    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] encode(T value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a " + type.getName() + " as JSON state: "
                    + e.getOriginalMessage() + "; give the state an explicit StateCodec", e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot decode JSON state as a " + type.getName() + ": "
                    + (e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage()), e);
        }
    }

    @Override
    public String toString() {
        return "JacksonStateCodec[" + type.getName() + "]";
    }
}
