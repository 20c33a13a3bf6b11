package dev.groundwork.model.patch.engine;

import java.util.List;

/**
 * One {@code @@} hunk. The header's line counts are not kept: the engine always uses the body's, because LLMs get the
 * header's counts wrong.
 *
 * @param oldStart          the old start line the header names, or 0 when the header has no line numbers
 * @param numbered          whether the header has line numbers at all ({@code @@ @@} has none)
 * @param oldMissingNewline the old side's last line has no newline ({@code \ No newline at end of file})
 * @param newMissingNewline the new side's last line has no newline
 */
public record Hunk(int oldStart, boolean numbered, List<HunkLine> lines, boolean oldMissingNewline,
                   boolean newMissingNewline) {

    public Hunk {
        lines = List.copyOf(lines);
    }

    public int oldCount() {
        return (int) lines.stream().filter(HunkLine::inOld).count();
    }

    public int newCount() {
        return (int) lines.stream().filter(line -> line.kind() != HunkLine.Kind.REMOVED).count();
    }

    /** The 1-based line the header says the old side starts at (for a pure insertion: the line it goes before). */
    public Integer statedLine() {
        if (!numbered) {
            return null;
        }
        return oldCount() == 0 ? oldStart + 1 : Math.max(oldStart, 1);
    }

    /** Context lines before the first change. */
    public int leadingContext() {
        int count = 0;
        while (count < lines.size() && lines.get(count).kind() == HunkLine.Kind.CONTEXT) {
            count++;
        }
        return count;
    }

    /** Context lines after the last change (0 for a hunk that changes nothing). */
    public int trailingContext() {
        int count = 0;
        while (count < lines.size() && lines.get(lines.size() - 1 - count).kind() == HunkLine.Kind.CONTEXT) {
            count++;
        }
        return count == lines.size() ? 0 : count;
    }
}
