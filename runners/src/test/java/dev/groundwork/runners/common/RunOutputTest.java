package dev.groundwork.runners.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {

    @TempDir
    Path dir;

    @Test
    void aResumedLogDropsTheReplayedLinesItHoldsAndAppendsTheRestOnce() throws Exception {
        Path log = dir.resolve("runs/1/log.txt");
        RunOutput first = RunOutput.open(1, log, new RecordingListener());
        first.line("one", false);
        first.line("two", true);
        first.close();
        Files.writeString(log, "thr", java.nio.file.StandardOpenOption.APPEND); // its writer died mid-line
        RecordingListener listener = new RecordingListener();

        RunOutput resumed = RunOutput.resume(1, log, listener);
        for (String line : List.of("one", "two", "three", "four")) {
            resumed.line(line, false);
        }
        List<String> tail = resumed.close();

        assertThat(Files.readAllLines(log)).containsExactly("one", "two", "three", "four");
        assertThat(listener.texts(false)).containsExactly("three", "four");
        assertThat(tail).containsExactly("one", "two", "three", "four");
    }

    @Test
    void resumingWithoutALogFileStartsOne() throws Exception {
        Path log = dir.resolve("log.txt");
        RecordingListener listener = new RecordingListener();

        RunOutput resumed = RunOutput.resume(1, log, listener);
        resumed.line("first", false);
        resumed.close();

        assertThat(Files.readAllLines(log)).containsExactly("first");
        assertThat(listener.texts(false)).containsExactly("first");
    }

    @Test
    void aReplayFromTheStartPassesOnlyWhatTheFirstReadMissed() throws Exception {
        Path log = dir.resolve("log.txt");
        RecordingListener listener = new RecordingListener();
        RunOutput output = RunOutput.open(1, log, listener);
        output.line("one", false);
        output.line("two", true);

        output.replay();
        for (String line : List.of("one", "two", "last without a break")) {
            output.line(line, false);
        }
        output.close();

        assertThat(Files.readAllLines(log)).containsExactly("one", "two", "last without a break");
        assertThat(listener.lines()).extracting(RecordingListener.Line::text)
                .containsExactly("one", "two", "last without a break");
    }
}
