package dev.groundwork.model.patch.engine;

import java.util.List;

/** A hunk's old side (context and removed lines), flattened once for the many positions it is tried at. */
final class OldSide {

    private final Hunk hunk;
    private final String[] text;
    private final boolean[] removed;
    private final int[] bodyLine;
    private final int lead;
    private final int trail;

    OldSide(Hunk hunk) {
        this.hunk = hunk;
        List<HunkLine> lines = hunk.lines();
        int size = hunk.oldCount();
        text = new String[size];
        removed = new boolean[size];
        bodyLine = new int[size];
        int k = 0;
        for (int i = 0; i < lines.size(); i++) {
            HunkLine line = lines.get(i);
            if (line.inOld()) {
                text[k] = line.text();
                removed[k] = line.kind() == HunkLine.Kind.REMOVED;
                bodyLine[k++] = i;
            }
        }
        lead = Math.min(hunk.leadingContext(), size);
        trail = hunk.trailingContext();
    }

    Hunk hunk() {
        return hunk;
    }

    int size() {
        return text.length;
    }

    String text(int k) {
        return text[k];
    }

    boolean removed(int k) {
        return removed[k];
    }

    /** Where old line {@code k} is in the hunk's body (0-based), for messages that point into the hunk. */
    int bodyLine(int k) {
        return bodyLine[k];
    }

    /** Context lines before the first change. */
    int lead() {
        return lead;
    }

    /** Where the last changed old line ends, relative to the start: the next hunk's changes may not begin earlier. */
    int coreEnd() {
        return text.length - trail;
    }

    /** Whether old line {@code k} is context before the first or after the last change. */
    boolean outer(int k) {
        return k < lead || k >= text.length - trail;
    }

    /** A {@code \ No newline at end of file} on the old side pins the hunk to the end of the file. */
    boolean mustEndFile() {
        return hunk.oldMissingNewline();
    }
}
