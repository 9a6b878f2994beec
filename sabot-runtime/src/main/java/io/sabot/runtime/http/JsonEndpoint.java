package io.sabot.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sabot.api.plugin.HttpEndpoint;
import io.sabot.api.resources.Reading;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A read-only endpoint that serves the JSON form of a value, such as the worker's {@code /agents}.
 *
 * <p>Thread-safety: thread-safe if the supplier is.
 */
public final class JsonEndpoint implements HttpEndpoint {

    /** The mapper of every JSON response: ISO-8601 times, Optional support, indented for people. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("sabot-readings")
                    .addSerializer(Reading.class, new ReadingSerializer()))
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final String path;
    private final Supplier<?> value;

    /**
     * Creates the endpoint.
     *
     * @param path  the path, starting with {@code /}
     * @param value supplies the value at each request
     */
    public JsonEndpoint(String path, Supplier<?> value) {
        this.path = Objects.requireNonNull(path, "path");
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    public void write(OutputStream out) throws IOException {
        MAPPER.writeValue(new NonClosingOutputStream(out), value.get());
    }

    /** Writes a measured reading as its number, and an unmeasured one as {@code {"unavailable": reason}}. */
    private static final class ReadingSerializer extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Reading> {
        private static final long serialVersionUID = 1L;

        ReadingSerializer() {
            super(Reading.class);
        }

        @Override
        public void serialize(Reading reading, com.fasterxml.jackson.core.JsonGenerator gen,
                              com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
            if (reading.isAvailable()) {
                gen.writeNumber(reading.value());
            } else {
                gen.writeStartObject();
                gen.writeStringField("unavailable", reading.unavailableReason());
                gen.writeEndObject();
            }
        }
    }

    /** Keeps Jackson from closing the response stream, which the server closes itself. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
