package io.sabot.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.agent.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLinesSourceTest {

    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        Path file = dir.resolve("input.txt");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<String> drain(FileLinesSource source) throws Exception {
        List<String> out = new ArrayList<>();
        while (source.emitNext(out::add)) {
            // drain
        }
        return out;
    }

    @Test
    void readsLinesWithLfCrlfAndAFinalLineWithoutNewline() throws Exception {
        Path file = write("one\r\ntwo\n\nthrée\r\nlast");
        try (FileLinesSource source = new FileLinesSource(file)) {
            source.open(SourcePosition.START);
            assertThat(drain(source)).containsExactly("one", "two", "", "thrée", "last");
            assertThat(source.position().offset()).isEqualTo(Files.size(file));
            assertThat(source.position().attributes()).containsEntry("file", "input.txt");
        }
    }

    @Test
    void resumesExactlyAtEverySavedOffset() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            content.append("line-").append(i).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        content.append("tail");
        Path file = write(content.toString());
        List<String> all;
        try (FileLinesSource source = new FileLinesSource(file)) {
            source.open(SourcePosition.START);
            all = drain(source);
        }
        assertThat(all).hasSize(201);
        // read one line at a time, saving the position after each batch, and resume from each saved position
        try (FileLinesSource first = new FileLinesSource(file)) {
            first.open(SourcePosition.START);
            List<String> before = new ArrayList<>();
            first.emitNext(before::add);
            SourcePosition saved = first.position();
            try (FileLinesSource resumed = new FileLinesSource(file)) {
                resumed.open(saved);
                List<String> after = drain(resumed);
                before.addAll(after);
            }
            assertThat(before).isEqualTo(all);
        }
        long offset = 0;
        for (int i = 0; i < all.size(); i++) {
            try (FileLinesSource resumed = new FileLinesSource(file)) {
                resumed.open(SourcePosition.of(offset));
                List<String> rest = drain(resumed);
                assertThat(rest).isEqualTo(all.subList(i, all.size()));
            }
            offset += all.get(i).getBytes(StandardCharsets.UTF_8).length + (i % 3 == 0 && i < 200 ? 2 : 1);
        }
    }

    @Test
    void resumingAtTheEndEmitsNothingAndAnEmptyFileEndsAtOnce() throws Exception {
        Path file = write("a\nb\n");
        try (FileLinesSource source = new FileLinesSource(file)) {
            source.open(SourcePosition.of(4));
            assertThat(drain(source)).isEmpty();
        }
        Path empty = write("");
        try (FileLinesSource source = new FileLinesSource(empty)) {
            source.open(SourcePosition.START);
            assertThat(drain(source)).isEmpty();
            assertThat(source.position().offset()).isZero();
        }
    }

    @Test
    void longLinesLongerThanTheBuffersAreRead() throws Exception {
        String longLine = "x".repeat(200_000);
        Path file = write(longLine + "\nshort\n");
        try (FileLinesSource source = new FileLinesSource(file)) {
            source.open(SourcePosition.START);
            assertThat(drain(source)).containsExactly(longLine, "short");
        }
    }

    @Test
    void refusesAnOffsetBeyondTheFileAndUseBeforeOpen() throws Exception {
        Path file = write("a\n");
        FileLinesSource source = new FileLinesSource(file);
        assertThatThrownBy(() -> source.emitNext(e -> { })).hasMessageContaining("before open");
        assertThatThrownBy(() -> source.open(SourcePosition.of(10)))
                .hasMessageContaining("has only 2 bytes; was it truncated or replaced?");
        source.close();
    }
}
