package dev.groundwork.runners.common;

import dev.groundwork.model.execution.RunListener;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's output lines go, one at a time in the order they arrive from stdout and stderr: its log file (unmarked,
 * as a terminal would show them), its tail, and its listener. Lines that come after {@link #close} are dropped, so
 * that none follows the run's exit.
 */
public final class RunOutput {

    private static final Logger LOG = LoggerFactory.getLogger(RunOutput.class);
    public static final int TAIL_LINES = 50;

    private final long runId;
    private final BufferedWriter log;
    private final RunListener listener;
    private final ArrayDeque<String> tail = new ArrayDeque<>(TAIL_LINES);
    /** Lines still to drop because the log file already holds them (a run followed again after a restart). */
    private long skip;
    /** Lines passed in since the output's stream began, dropped ones included. */
    private long seen;
    private boolean closed;
    private boolean logFailed;
    private boolean listenerFailed;

    private RunOutput(long runId, BufferedWriter log, RunListener listener, long skip) {
        this.runId = runId;
        this.log = log;
        this.listener = listener;
        this.skip = skip;
    }

    /** A new log file (an old one is replaced). */
    public static RunOutput open(long runId, Path logFile, RunListener listener) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        return new RunOutput(runId, Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), listener, 0);
    }

    /**
     * Goes on with a log file an earlier Groundwork wrote, for output replayed from the run's start: the first lines
     * passed to {@link #line} are the ones the file holds (as many as its complete lines) and are dropped; later ones
     * are appended. A last line the file holds only in part (its writer died mid-line) is cut off first, so it comes
     * again whole. The tail starts with the file's last lines.
     */
    public static RunOutput resume(long runId, Path logFile, RunListener listener) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        long lines = 0;
        if (Files.exists(logFile)) {
            cutUnfinishedLine(logFile);
            lines = countLines(logFile);
        }
        RunOutput output = new RunOutput(runId, Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), listener, lines);
        if (lines > 0) {
            output.seedTail(logFile);
        }
        return output;
    }

    public synchronized void line(String line, boolean stderr) {
        if (closed) {
            return;
        }
        seen++;
        if (skip > 0) {
            skip--;
            return;
        }
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
        writeLog(line);
        try {
            listener.onLine(line, stderr);
        } catch (RuntimeException e) {
            if (!listenerFailed) {
                listenerFailed = true;
                LOG.error("Run {}: its listener failed on a line; later failures are not logged.", runId, e);
            }
        }
    }

    /**
     * The stream starts again from its beginning (a container's whole log, read once more after it stopped, to catch
     * lines a follower missed): the lines seen so far are dropped when they come again, and only new ones pass.
     */
    public synchronized void replay() {
        skip = seen;
        seen = 0;
    }

    /** Pushes buffered lines to the log file, so that someone reading it sees them. */
    public synchronized void flush() {
        if (!closed && !logFailed) {
            try {
                log.flush();
            } catch (IOException e) {
                logFailed(e);
            }
        }
    }

    /** Adds a line of Groundwork's own to the tail (not the log, nor the listener): why a run ended as it did. */
    public synchronized void note(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    /** Closes the log file; returns the last {@value #TAIL_LINES} lines. */
    public synchronized List<String> close() {
        if (!closed) {
            closed = true;
            try {
                log.close();
            } catch (IOException e) {
                logFailed(e);
            }
        }
        return List.copyOf(tail);
    }

    private void writeLog(String line) {
        if (logFailed) {
            return;
        }
        try {
            log.write(line);
            log.newLine();
        } catch (IOException e) {
            logFailed(e);
        }
    }

    private void logFailed(IOException e) {
        if (!logFailed) {
            logFailed = true;
            LOG.error("Run {}: writing its log file failed ({}); its output still reaches Groundwork but the file is"
                    + " incomplete. Check the free space of the study folder.", runId, e.getMessage());
        }
    }

    private void seedTail(Path logFile) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(logFile, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (tail.size() == TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        }
    }

    private static void cutUnfinishedLine(Path logFile) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "rw")) {
            long end = file.length();
            while (end > 0) {
                file.seek(end - 1);
                if (file.read() == '\n') {
                    break;
                }
                end--;
            }
            file.setLength(end);
        }
    }

    /** Lines ended by a line break, as {@link #writeLog} writes them (the file is cut after its last one). */
    private static long countLines(Path logFile) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var in = Files.newInputStream(logFile)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
