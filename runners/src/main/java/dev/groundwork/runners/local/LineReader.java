package dev.groundwork.runners.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Splits a process's output into lines: UTF-8 with malformed bytes replaced, broken at {@code \n}, {@code \r\n} and a
 * lone {@code \r} (each redraw of a progress bar is a line; the empty pieces between redraws are not), and at
 * {@value #MAX_CHARS} characters, so that output without line breaks cannot exhaust memory.
 */
final class LineReader {

    static final int MAX_CHARS = 64 * 1024;

    /** Receives the lines, and a call whenever the stream has nothing more to read for now (a moment to flush). */
    interface Sink {
        void line(String line);

        void idle();
    }

    private final StringBuilder line = new StringBuilder();
    private boolean afterCr;
    private boolean crEndedLine;

    private LineReader() {}

    /** Reads {@code in} to its end; a last line without a line break is passed on too. */
    static void pump(InputStream in, Sink sink) throws IOException {
        new LineReader().read(new InputStreamReader(in, StandardCharsets.UTF_8), sink);
    }

    private void read(Reader reader, Sink sink) throws IOException {
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) != -1; ) {
            for (int i = 0; i < n; i++) {
                accept(buffer[i], sink);
            }
            if (!reader.ready()) {
                sink.idle();
            }
        }
        if (!line.isEmpty()) {
            emit(sink);
        }
    }

    private void accept(char c, Sink sink) {
        if (c == '\r') {
            crEndedLine = !line.isEmpty();
            if (crEndedLine) {
                emit(sink);
            }
        } else if (c == '\n') {
            if (!(afterCr && crEndedLine)) {
                emit(sink);
            }
        } else {
            line.append(c);
            if (line.length() == MAX_CHARS) {
                emit(sink);
            }
        }
        afterCr = c == '\r';
    }

    private void emit(Sink sink) {
        sink.line(line.toString());
        line.setLength(0);
    }
}
