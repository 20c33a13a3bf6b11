package dev.groundwork.views.review.diff;

import java.util.List;

/**
 * One side of a row: a line of the file, or a filler that keeps the other side's line level with its neighbours.
 *
 * @param number  1-based line number in its file; 0 for a filler
 * @param changes the characters that differ from the paired line on the other side (only on {@link RowKind#CHANGED} rows)
 */
public record DiffLine(int number, String text, List<TextRange> changes) {

    public static final DiffLine FILLER = new DiffLine(0, "", List.of());

    public DiffLine {
        changes = List.copyOf(changes);
    }

    public boolean isFiller() {
        return number == 0;
    }
}
