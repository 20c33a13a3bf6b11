package dev.groundwork.runners.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        LineReader.pump(new ByteArrayInputStream(bytes), new LineReader.Sink() {
            @Override
            public void line(String line) {
                lines.add(line);
            }

            @Override
            public void idle() {}
        });
        return lines;
    }

    private static List<String> lines(String text) throws IOException {
        return lines(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void breaksAtEveryKindOfLineBreakAndKeepsBlankLines() throws IOException {
        assertThat(lines("a\nb\r\n\r\nc\n\nd")).containsExactly("a", "b", "", "c", "", "d");
    }

    @Test
    void makesEachProgressBarRedrawALineWithoutEmptyPieces() throws IOException {
        assertThat(lines("start\n\r 10%\r 50%\r100%\ndone\n")).containsExactly("start", " 10%", " 50%", "100%", "done");
    }

    @Test
    void replacesMalformedBytesAndKeepsMultiByteCharacters() throws IOException {
        assertThat(lines(new byte[] {'o', 'k', (byte) 0xff, '\n', (byte) 0xc3, (byte) 0xa9, '\n'}))
                .containsExactly("ok\uFFFD", "é");
    }

    @Test
    void cutsALineWithoutBreaksIntoPieces() throws IOException {
        List<String> lines = lines("x".repeat(LineReader.MAX_CHARS * 2 + 5));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).hasSize(LineReader.MAX_CHARS);
        assertThat(lines.get(2)).hasSize(5);
    }

    @Test
    void joinsLinesAndCharactersThatPiecesCutInTwo() {
        List<String> lines = new ArrayList<>();
        LineReader reader = new LineReader(new LineReader.Sink() {
            @Override
            public void line(String line) {
                lines.add(line);
            }

            @Override
            public void idle() {}
        });
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);

        reader.feed("ab".getBytes(StandardCharsets.UTF_8));
        reader.feed(new byte[] {'c', e[0]});
        reader.feed(new byte[] {e[1], '\r', '\n', 'x'});
        assertThat(lines).containsExactly("abcé");
        reader.feed(new byte[] {(byte) 0xc3});
        reader.finish();

        assertThat(lines).containsExactly("abcé", "x\uFFFD");
    }
}
