package dev.groundwork.model.patch.engine;

import java.util.Objects;

/**
 * One line of a hunk's body, without its prefix and line ending.
 *
 * @param crlf whether the diff ended this line with CR LF on purpose (see {@link FilePatch#crlfAware()})
 */
public record HunkLine(Kind kind, String text, boolean crlf) {

    public enum Kind { CONTEXT, REMOVED, ADDED }

    public HunkLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** Whether the line is in the file before the change (context and removed lines). */
    public boolean inOld() {
        return kind != Kind.ADDED;
    }
}
