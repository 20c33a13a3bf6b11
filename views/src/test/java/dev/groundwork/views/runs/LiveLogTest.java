package dev.groundwork.views.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.monitor.RunMonitor.LogChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The page's copy of a run's log: chunks in, one update each, follow and search. */
class LiveLogTest {

    private final LiveLog log = new LiveLog();
    private final List<LiveLog.Update> updates = new ArrayList<>();

    LiveLogTest() {
        log.updateProperty().addListener((o, old, update) -> updates.add(update));
    }

    @Test
    void aChunkIsOneUpdateThatAppendsOnlyTheNewLines() {
        log.apply(new LogChunk(7, 0, 12, List.of("a", "b"), true));
        log.apply(new LogChunk(7, 12, 30, List.of("c", "d", "e"), false));
        assertThat(log.lines()).containsExactly("a", "b", "c", "d", "e");
        assertThat(updates).containsExactly(new LiveLog.Update(true, 0, 0, List.of("a", "b")),
                new LiveLog.Update(false, 0, 2, List.of("c", "d", "e")));
        assertThat(log.offsetFor(7)).isEqualTo(30);
        assertThat(log.offsetFor(8)).as("another run starts over").isEqualTo(-1);

        log.apply(new LogChunk(7, 30, 30, List.of(), false));
        assertThat(updates).as("nothing new, no update").hasSize(2);
    }

    @Test
    void aStaleChunkIsIgnoredAndAnotherRunStartsOver() {
        log.apply(new LogChunk(7, 0, 10, List.of("a"), true));
        log.apply(new LogChunk(7, 4, 20, List.of("old"), false));
        log.apply(new LogChunk(9, 50, 60, List.of("partial"), false));
        assertThat(log.lines()).containsExactly("a");
        log.apply(new LogChunk(9, 0, 60, List.of("x", "y"), true));
        assertThat(log.lines()).containsExactly("x", "y");
        assertThat(updates.getLast().reset()).isTrue();
    }

    @Test
    void onlyTheLastLinesAreHeldOlderOnesDropOffTheTop() {
        log.apply(new LogChunk(1, 0, 10, lines(0, LiveLog.MAX_LINES - 1), true));
        log.apply(new LogChunk(1, 10, 20, lines(LiveLog.MAX_LINES - 1, LiveLog.MAX_LINES + 4), false));
        assertThat(log.lines()).hasSize(LiveLog.MAX_LINES).startsWith("line 4").endsWith("line " + (LiveLog.MAX_LINES + 3));
        assertThat(updates.getLast()).isEqualTo(new LiveLog.Update(false, 4, LiveLog.MAX_LINES - 5,
                lines(LiveLog.MAX_LINES - 1, LiveLog.MAX_LINES + 4)));
    }

    @Test
    void searchFindsEveryMatchMovesBothWaysAndStopsFollowing() {
        log.apply(new LogChunk(1, 0, 10, List.of("step 0 loss 2.0", "warning: slow", "step 10 loss 1.5 LOSS"), true));
        log.queryProperty().set("loss");
        assertThat(log.matchesProperty().get()).containsExactly(new LiveLog.Match(0, 7, 11), new LiveLog.Match(2, 8, 12),
                new LiveLog.Match(2, 17, 21));
        assertThat(log.matchSummary()).isEqualTo("3 matches");
        assertThat(log.followProperty().get()).isTrue();

        log.findNext();
        assertThat(log.currentProperty().get()).isZero();
        assertThat(log.matchSummary()).isEqualTo("1 of 3");
        assertThat(log.followProperty().get()).as("a find keeps the match in view").isFalse();
        log.findPrevious();
        assertThat(log.matchSummary()).isEqualTo("3 of 3");
        log.findNext();
        assertThat(log.matchSummary()).as("wraps").isEqualTo("1 of 3");

        log.queryProperty().set("nothing like it");
        assertThat(log.matchSummary()).isEqualTo("No matches");
        log.queryProperty().set("");
        assertThat(log.matchSummary()).isEmpty();
    }

    @Test
    void theCurrentMatchStaysCurrentAsLinesArriveAndDropOff() {
        log.apply(new LogChunk(1, 0, 10, lines(0, LiveLog.MAX_LINES), true));
        log.queryProperty().set("line 1999");
        log.findNext();
        assertThat(log.matchesProperty().get().get(log.currentProperty().get()).line()).isEqualTo(1999);
        log.apply(new LogChunk(1, 10, 20, lines(LiveLog.MAX_LINES, LiveLog.MAX_LINES + 3), false));
        assertThat(log.currentProperty().get()).isNotNegative();
        assertThat(log.matchesProperty().get().get(log.currentProperty().get()).line())
                .as("the same line, three lines higher now").isEqualTo(1996);
    }

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i).toList();
    }
}
