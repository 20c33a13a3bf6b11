package dev.groundwork.runners.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a run's output into lines: UTF-8 with malformed bytes replaced, broken at {@code \n}, {@code \r\n} and a
 * lone {@code \r} (each redraw of a progress bar is a line; the empty pieces between redraws are not), and at
 * {@value #MAX_CHARS} characters, so that output without line breaks cannot exhaust memory. Reads a process's stream
 * to its end ({@link #pump}), or takes bytes as they come in pieces ({@link #feed}): a container's log frames, which
 * may cut a line or even a character in two.
 */
public final class LineReader {

    public static final int MAX_CHARS = 64 * 1024;

    /** Receives the lines, and a call whenever the stream has nothing more to read for now (a moment to flush). */
    public interface Sink {
        void line(String line);

        void idle();
    }

    private final StringBuilder line = new StringBuilder();
    private final Sink sink;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The start of a character whose other bytes are in the next piece. */
    private ByteBuffer leftover = ByteBuffer.allocate(0);
    private boolean afterCr;
    private boolean crEndedLine;

    /** A reader for bytes that come in pieces; {@link #finish} passes on a last line without a line break. */
    public LineReader(Sink sink) {
        this.sink = sink;
    }

    /** Reads {@code in} to its end; a last line without a line break is passed on too. */
    public static void pump(InputStream in, Sink sink) throws IOException {
        new LineReader(sink).read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next piece of output; lines it completes go to the sink at once. */
    public void feed(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(leftover.remaining() + bytes.length).put(leftover).put(bytes).flip();
        decode(in, false);
        leftover = ByteBuffer.allocate(in.remaining()).put(in).flip();
    }

    /** The output ended: what is left of a cut character is replaced, and a last unfinished line is passed on. */
    public void finish() {
        decode(leftover, true);
        leftover = ByteBuffer.allocate(0);
        if (!line.isEmpty()) {
            emit();
        }
    }

    private void decode(ByteBuffer in, boolean endOfInput) {
        CharBuffer out = CharBuffer.allocate(in.remaining() + 2); // UTF-8 never decodes to more chars than bytes
        decoder.decode(in, out, endOfInput);
        if (endOfInput) {
            decoder.flush(out);
            decoder.reset();
        }
        out.flip();
        while (out.hasRemaining()) {
            accept(out.get());
        }
    }

    private void read(Reader reader) throws IOException {
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) != -1; ) {
            for (int i = 0; i < n; i++) {
                accept(buffer[i]);
            }
            if (!reader.ready()) {
                sink.idle();
            }
        }
        if (!line.isEmpty()) {
            emit();
        }
    }

    private void accept(char c) {
        if (c == '\r') {
            crEndedLine = !line.isEmpty();
            if (crEndedLine) {
                emit();
            }
        } else if (c == '\n') {
            if (!(afterCr && crEndedLine)) {
                emit();
            }
        } else {
            line.append(c);
            if (line.length() == MAX_CHARS) {
                emit();
            }
        }
        afterCr = c == '\r';
    }

    private void emit() {
        sink.line(line.toString());
        line.setLength(0);
    }
}
