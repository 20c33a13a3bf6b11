package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A file seen as lines: each line's text without its ending ({@code \n}, {@code \r\n}, or none for a last line without
 * one). Hunks match on the text, so LF diffs apply to CR LF files and back. Lines are offsets into the file's text, not
 * strings of their own, so a patch to a large file copies the unchanged stretches between hunks in one go.
 */
final class TextLines {

    private final String content;
    private final int[] starts;
    private final int[] ends;

    private TextLines(String content, int[] starts, int[] ends) {
        this.content = content;
        this.starts = starts;
        this.ends = ends;
    }

    static TextLines of(String content) {
        int count = 0;
        for (int newline = content.indexOf('\n'); newline >= 0; newline = content.indexOf('\n', newline + 1)) {
            count++;
        }
        boolean unterminated = !content.isEmpty() && content.charAt(content.length() - 1) != '\n';
        int[] starts = new int[count + (unterminated ? 1 : 0)];
        int[] ends = new int[starts.length];
        int start = 0;
        for (int line = 0; line < starts.length; line++) {
            int newline = content.indexOf('\n', start);
            int end = newline < 0 ? content.length() : newline;
            starts[line] = start;
            ends[line] = newline > start && content.charAt(newline - 1) == '\r' ? newline - 1 : end;
            start = end + 1;
        }
        return new TextLines(content, starts, ends);
    }

    /** Lines with their endings, so that a diff of two lists also sees changed line endings. */
    static List<String> splitKeepingEnds(String content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = content.indexOf('\n'); newline >= 0; newline = content.indexOf('\n', start)) {
            lines.add(content.substring(start, newline + 1));
            start = newline + 1;
        }
        if (start < content.length()) {
            lines.add(content.substring(start));
        }
        return lines;
    }

    int size() {
        return starts.length;
    }

    /** The length of the whole text, endings included. */
    int length() {
        return content.length();
    }

    String text(int line) {
        return content.substring(starts[line], ends[line]);
    }

    boolean same(int line, String text) {
        int length = ends[line] - starts[line];
        return length == text.length() && content.regionMatches(starts[line], text, 0, length);
    }

    /** Equal but for trailing whitespace, which editors and LLMs add and strip. */
    boolean sameIgnoringTrailingWhitespace(int line, String text) {
        int end = ends[line];
        while (end > starts[line] && Character.isWhitespace(content.charAt(end - 1))) {
            end--;
        }
        int length = text.length();
        while (length > 0 && Character.isWhitespace(text.charAt(length - 1))) {
            length--;
        }
        return end - starts[line] == length && content.regionMatches(starts[line], text, 0, length);
    }

    /** Appends lines {@code [from, to)} with their own endings; a last line without one gets {@code ending}. */
    void append(StringBuilder out, int from, int to, String ending) {
        if (from >= to) {
            return;
        }
        int end = to < starts.length ? starts[to] : content.length();
        out.append(content, starts[from], end);
        if (to == starts.length && !endsWithNewline()) {
            out.append(ending);
        }
    }

    boolean endsWithNewline() {
        return content.isEmpty() || content.charAt(content.length() - 1) == '\n';
    }

    /** The ending most lines use; new lines get it, so a CR LF file stays CR LF. */
    String dominantEnding() {
        int crlf = 0;
        for (int line = 0; line < starts.length; line++) {
            crlf += ends[line] < content.length() && content.charAt(ends[line]) == '\r' ? 1 : 0;
        }
        return crlf * 2 > starts.length ? "\r\n" : "\n";
    }
}
