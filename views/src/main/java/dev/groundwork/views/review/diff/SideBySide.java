package dev.groundwork.views.review.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One file's change as aligned rows, computed without a toolkit (call {@link #of} off the FX thread for big files).
 *
 * @param hunkStarts the first row of every run of rows that are not {@link RowKind#SAME}, in order
 * @param added      lines only in the new version (changed rows count on both sides, as {@code git diff --numstat})
 */
public record SideBySide(String path, FileText before, FileText after, List<DiffRow> rows, List<Integer> hunkStarts,
                         int added, int removed) {

    public SideBySide {
        rows = List.copyOf(rows);
        hunkStarts = List.copyOf(hunkStarts);
    }

    /** The diff of {@code before} into {@code after}; an empty {@code before} is a new file, an empty {@code after} a deleted one. */
    public static SideBySide of(String path, String before, String after) {
        FileText old = FileText.parse(before);
        FileText now = FileText.parse(after);
        List<DiffRow> rows = RowAligner.align(old, now);
        List<Integer> starts = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (int i = 0; i < rows.size(); i++) {
            DiffRow row = rows.get(i);
            if (row.kind() == RowKind.SAME) {
                continue;
            }
            if (i == 0 || rows.get(i - 1).kind() == RowKind.SAME) {
                starts.add(i);
            }
            added += row.right().isFiller() ? 0 : 1;
            removed += row.left().isFiller() ? 0 : 1;
        }
        return new SideBySide(path, old, now, rows, starts, added, removed);
    }

    /** The first hunk that starts below {@code row}. */
    public OptionalInt nextHunk(int row) {
        return hunkStarts.stream().mapToInt(Integer::intValue).filter(start -> start > row).findFirst();
    }

    /** The last hunk that starts above {@code row} (from inside a hunk, that hunk's start). */
    public OptionalInt previousHunk(int row) {
        return hunkStarts.reversed().stream().mapToInt(Integer::intValue).filter(start -> start < row).findFirst();
    }

    /** The row just past the hunk that contains {@code row}. */
    public int hunkEnd(int row) {
        int end = row;
        while (end < rows.size() && rows.get(end).kind() != RowKind.SAME) {
            end++;
        }
        return end;
    }

    /** What the rows cannot show: the file appearing or going, and changes to line breaks. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (before.isEmpty() && !after.isEmpty()) {
            notes.add("new file");
        } else if (after.isEmpty() && !before.isEmpty()) {
            notes.add("deleted file");
        } else if (!before.isEmpty()) {
            if (before.hasLineBreak() && after.hasLineBreak() && !before.separator().equals(after.separator())) {
                notes.add(before.separator().equals("\r\n") ? "line endings CRLF → LF" : "line endings LF → CRLF");
            }
            if (before.endsWithNewline() != after.endsWithNewline()) {
                notes.add(after.endsWithNewline() ? "newline added at end of file" : "no newline at end of file");
            }
        }
        return notes;
    }
}
