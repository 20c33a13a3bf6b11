package dev.groundwork.views.review.diff;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The style classes of diff.css that the code puts on paragraphs and text. */
final class DiffStyles {

    /** Paragraph class of a row's empty stand-in on the side that has no line. */
    static final String FILLER = "diff-filler";
    /** Text class of the characters that differ inside a changed row. */
    static final String INLINE = "diff-inline";

    private static final List<String> NONE = List.of();
    private static final List<String> INLINE_ONLY = List.of(INLINE);

    private DiffStyles() {}

    /** diff-same, diff-changed, diff-added or diff-removed. */
    static String row(RowKind kind) {
        return "diff-" + kind.name().toLowerCase(Locale.ROOT);
    }

    static Collection<String> text(boolean inline) {
        return inline ? INLINE_ONLY : NONE;
    }
}
