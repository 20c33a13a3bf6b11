package dev.groundwork.views.review.diff;

/** Characters {@code [start, end)} of one line. */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a range: [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
