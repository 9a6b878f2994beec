package io.sabot.runtime.source;

import io.sabot.api.agent.Source;
import io.sabot.api.agent.SourceOutput;
import io.sabot.api.agent.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Emits the lines of a UTF-8 text file, without their line terminators ({@code \n} or {@code \r\n}); a last line
 * without a terminator is emitted too. The source ends at the end of the file.
 *
 * <p>Its {@link SourcePosition#offset() position} is the byte offset of the next line, so a source restored at a
 * saved position continues with exactly the line that followed it. The position also records the file's name
 * (attribute {@code file}) for people reading a checkpoint. Opening at an offset beyond the file's size fails, as
 * the file was then truncated or replaced.
 *
 * <p>Each {@link #emitNext} call emits up to 64 lines. Thread-safety: confined to the source's thread.
 */
public final class FileLinesSource implements Source<String> {

    private static final int BATCH = 64;

    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private byte[] line = new byte[256];
    private SeekableByteChannel channel;
    private long offset;
    private boolean eof;

    /**
     * Creates a source of a file's lines.
     *
     * @param file the file; read when opened
     */
    public FileLinesSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public void open(SourcePosition position) throws IOException {
        Objects.requireNonNull(position, "position");
        long size = Files.size(file);
        if (position.offset() > size) {
            throw new IOException("cannot resume " + file + " at byte " + position.offset() + ": the file has only "
                    + size + " bytes; was it truncated or replaced?");
        }
        channel = Files.newByteChannel(file);
        channel.position(position.offset());
        offset = position.offset();
        buffer.clear().flip();
        eof = false;
    }

    @Override
    public boolean emitNext(SourceOutput<String> out) throws IOException, InterruptedException {
        if (channel == null) {
            throw new IllegalStateException("file source " + file + ": emitNext called before open");
        }
        for (int i = 0; i < BATCH; i++) {
            String next = readLine();
            if (next == null) {
                return false;
            }
            out.emit(next);
        }
        return true;
    }

    /** Reads the next line and advances {@link #offset} past it, or returns null at the end of the file. */
    private String readLine() throws IOException {
        int length = 0;
        long consumed = 0;
        while (true) {
            if (!buffer.hasRemaining()) {
                if (eof || !fill()) {
                    eof = true;
                    if (length == 0) {
                        return null;
                    }
                    offset += consumed;
                    return decode(length);
                }
            }
            byte b = buffer.get();
            consumed++;
            if (b == '\n') {
                offset += consumed;
                return decode(length);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = b;
        }
    }

    private boolean fill() throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        buffer.flip();
        return n > 0;
    }

    private String decode(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public SourcePosition position() {
        return new SourcePosition(offset, Map.of("file", String.valueOf(file.getFileName())));
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            }
        }
    }
}
