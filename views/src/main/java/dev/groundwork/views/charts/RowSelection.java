package dev.groundwork.views.charts;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which rows of a {@link DrawnTable} are selected, which one is focused, and where a Shift range starts, changed as a
 * table view changes them: a click selects one row, Ctrl+click adds or removes one, Shift+click and Shift+arrows select
 * from the anchor, Ctrl+arrows move the focus alone.
 */
final class RowSelection {

    private final BitSet chosen = new BitSet();
    private int size;
    /** The row the keys move from; -1 for none. */
    private int focus = -1;
    /** The row a Shift range starts from; -1 for none. */
    private int anchor = -1;

    /** A new list of {@code size} rows: none selected, the focus kept where it still falls on a row. */
    void reset(int size) {
        this.size = size;
        chosen.clear();
        focus = Math.min(focus, size - 1);
        anchor = -1;
    }

    /** A click on {@code row}, with Shift or the shortcut key (Ctrl) held or not. */
    void click(int row, boolean shift, boolean shortcut) {
        if (shift && anchor >= 0) {
            range(anchor, row, shortcut);
        } else if (shortcut) {
            chosen.flip(row);
            anchor = row;
        } else {
            only(row);
        }
        focus = row;
    }

    /** The pointer dragged from the row pressed to {@code row}: the rows between are selected. */
    void dragTo(int row, boolean shortcut) {
        if (anchor >= 0) {
            range(anchor, row, shortcut);
            focus = row;
        }
    }

    /** The focus moved to {@code row} by a key: with Shift the selection runs from the anchor; with Ctrl it stays. */
    void moveTo(int row, boolean shift, boolean shortcut) {
        int to = Math.max(0, Math.min(size - 1, row));
        if (shift) {
            range(anchor < 0 ? to : anchor, to, false);
        } else if (!shortcut) {
            only(to);
        }
        focus = to;
    }

    /** Adds the focused row to the selection, or takes it out (Ctrl+Space). */
    void toggleFocused() {
        if (focus >= 0) {
            chosen.flip(focus);
            anchor = focus;
        }
    }

    void selectAll() {
        chosen.set(0, size);
    }

    /** Selects exactly these rows, the first of them focused. */
    void select(List<Integer> rows) {
        chosen.clear();
        rows.stream().filter(row -> row >= 0 && row < size).forEach(chosen::set);
        focus = chosen.isEmpty() ? focus : chosen.nextSetBit(0);
        anchor = focus;
    }

    boolean isSelected(int row) {
        return chosen.get(row);
    }

    /** The selected rows, top to bottom. */
    IntStream rows() {
        return chosen.stream();
    }

    boolean isEmpty() {
        return chosen.isEmpty();
    }

    int focus() {
        return focus;
    }

    private void only(int row) {
        chosen.clear();
        chosen.set(row);
        anchor = row;
    }

    /** Selects from {@code from} to {@code to}, on top of what is selected when {@code add}; the anchor stays. */
    private void range(int from, int to, boolean add) {
        if (!add) {
            chosen.clear();
        }
        chosen.set(Math.min(from, to), Math.max(from, to) + 1);
        anchor = from;
    }
}
