package dev.groundwork.views.review.diff;

/** What happened to a row of a side-by-side diff. */
public enum RowKind {
    /** The same line on both sides. */
    SAME,
    /** A line on each side, paired inside one hunk: the right one replaces the left one. */
    CHANGED,
    /** A line only on the right; the left shows a filler. */
    ADDED,
    /** A line only on the left; the right shows a filler. */
    REMOVED
}
