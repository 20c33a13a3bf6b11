package dev.groundwork.views.runs;

import dev.groundwork.model.monitor.RunMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The selected run's log as the page holds it: its last {@value #MAX_LINES} lines, grown by one chunk per poll (one
 * {@link Update} however many lines came), with follow and search (every match, the current one, next and previous).
 * No scene graph: the view draws the updates and the matches.
 */
public final class LiveLog {

    /** The most lines held; older ones drop off the top. */
    public static final int MAX_LINES = 2000;
    /** The most bytes one read takes: a first read, or a log far ahead of the page, starts over with its last bytes. */
    public static final int READ_BYTES = 256 * 1024;

    /**
     * One change to the text, for the view to apply in one go: start over with {@code appended} ({@code reset}), or drop
     * {@code dropped} lines from the top ({@code linesBefore} are left) and append {@code appended} after them.
     */
    public record Update(boolean reset, int dropped, int linesBefore, List<String> appended) {
        public Update {
            appended = List.copyOf(appended);
        }
    }

    /** A search match: a held line's index and the character range in it. */
    public record Match(int line, int start, int end) {}

    private final List<String> lines = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Update> update = new ReadOnlyObjectWrapper<>(new Update(true, 0, 0, List.of()));
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<Match>> matches = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private long runId = -1;
    private long offset = -1;
    /** Lines dropped from the top since the last start-over: a match keeps its place across drops by its absolute line. */
    private long droppedTotal;
    private long currentLine = -1;
    private int currentStart = -1;

    public LiveLog() {
        query.addListener(o -> search(false));
    }

    /** Where the next read of {@code id}'s log starts: on from the last chunk, or -1 to start over. */
    public long offsetFor(long id) {
        return id == runId ? offset : -1;
    }

    /** Takes a chunk read from {@link #offsetFor}; a stale one (not following on from the last) is ignored. */
    public void apply(RunMonitor.LogChunk chunk) {
        if (chunk.runId() != runId && !chunk.restarted()) {
            return; // read on from where an earlier selection of that run stopped: the rest of its log is not here
        }
        if (chunk.restarted()) {
            runId = chunk.runId();
            lines.clear();
            droppedTotal = 0;
            currentLine = -1;
            List<String> kept = chunk.lines().subList(Math.max(0, chunk.lines().size() - MAX_LINES), chunk.lines().size());
            lines.addAll(kept);
            offset = chunk.to();
            update.set(new Update(true, 0, 0, kept));
            search(true);
            return;
        }
        if (chunk.from() != offset) {
            return;
        }
        offset = chunk.to();
        if (chunk.lines().isEmpty()) {
            return;
        }
        int before = lines.size();
        lines.addAll(chunk.lines());
        int drop = Math.max(0, lines.size() - MAX_LINES);
        if (drop >= before) {
            lines.subList(0, drop).clear();
            droppedTotal = 0;
            currentLine = -1;
            update.set(new Update(true, 0, 0, List.copyOf(lines)));
        } else {
            lines.subList(0, drop).clear();
            droppedTotal += drop;
            update.set(new Update(false, drop, before - drop, chunk.lines()));
        }
        search(true);
    }

    /** Forgets the log (no run selected, or another one is being read). */
    public void clear() {
        runId = -1;
        offset = -1;
        lines.clear();
        droppedTotal = 0;
        currentLine = -1;
        update.set(new Update(true, 0, 0, List.of()));
        search(false);
    }

    /** Moves to the next match (wrapping) and stops following, so the match stays in view. */
    public void findNext() {
        step(1);
    }

    /** Moves to the previous match (wrapping) and stops following. */
    public void findPrevious() {
        step(-1);
    }

    private void step(int direction) {
        List<Match> found = matches.get();
        if (found.isEmpty()) {
            return;
        }
        follow.set(false);
        int at = current.get();
        int next = at < 0 ? (direction > 0 ? 0 : found.size() - 1) : Math.floorMod(at + direction, found.size());
        currentLine = found.get(next).line() + droppedTotal;
        currentStart = found.get(next).start();
        current.set(next);
    }

    /**
     * Finds every match of the query (case-insensitive). After new lines the current match stays current (found again
     * by its absolute line, since lines drop off the top); a new query has none until the first find.
     */
    private void search(boolean keepCurrent) {
        String needle = query.get() == null ? "" : query.get().toLowerCase(Locale.ROOT);
        List<Match> found = new ArrayList<>();
        if (!needle.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).toLowerCase(Locale.ROOT);
                for (int at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + needle.length())) {
                    found.add(new Match(i, at, at + needle.length()));
                }
            }
        }
        int keep = -1;
        if (keepCurrent && currentLine >= 0) {
            for (int i = 0; i < found.size() && keep < 0; i++) {
                if (found.get(i).line() + droppedTotal == currentLine && found.get(i).start() == currentStart) {
                    keep = i;
                }
            }
        }
        if (keep < 0) {
            currentLine = -1;
        }
        current.set(-1); // never an index into the old list while the new one is being drawn
        matches.set(List.copyOf(found));
        current.set(keep);
    }

    /** The lines held, oldest first. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The held lines as one text. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The last change to the text; a new value for every change. */
    public ReadOnlyObjectProperty<Update> updateProperty() {
        return update.getReadOnlyProperty();
    }

    /** Whether the view keeps the last line in view as lines arrive. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** What to find in the log; empty finds nothing. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Every match of the query in the held lines, in order. */
    public ReadOnlyObjectProperty<List<Match>> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    /** The index of the current match in {@link #matchesProperty()}, or -1. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** "3 of 17", "17 matches" before the first find, "No matches", or empty when there is no query. */
    public String matchSummary() {
        if (query.get() == null || query.get().isEmpty()) {
            return "";
        }
        int count = matches.get().size();
        if (count == 0) {
            return "No matches";
        }
        return current.get() < 0 ? count + (count == 1 ? " match" : " matches") : (current.get() + 1) + " of " + count;
    }
}
