package dev.groundwork.runners.local;

import dev.groundwork.model.execution.RunListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's output lines go, one at a time in the order they arrive from stdout and stderr: its log file (unmarked,
 * as a terminal would show them), its tail, and its listener. Lines that come after {@link #close} are dropped, so
 * that none follows the run's exit.
 */
final class RunOutput {

    private static final Logger LOG = LoggerFactory.getLogger(RunOutput.class);
    static final int TAIL_LINES = 50;

    private final long runId;
    private final BufferedWriter log;
    private final RunListener listener;
    private final ArrayDeque<String> tail = new ArrayDeque<>(TAIL_LINES);
    private boolean closed;
    private boolean logFailed;
    private boolean listenerFailed;

    private RunOutput(long runId, BufferedWriter log, RunListener listener) {
        this.runId = runId;
        this.log = log;
        this.listener = listener;
    }

    static RunOutput open(long runId, Path logFile, RunListener listener) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        return new RunOutput(runId, Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), listener);
    }

    synchronized void line(String line, boolean stderr) {
        if (closed) {
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

    /** Pushes buffered lines to the log file, so that someone reading it sees them. */
    synchronized void flush() {
        if (!closed && !logFailed) {
            try {
                log.flush();
            } catch (IOException e) {
                logFailed(e);
            }
        }
    }

    /** Closes the log file; returns the last {@value #TAIL_LINES} lines. */
    synchronized List<String> close() {
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
}
