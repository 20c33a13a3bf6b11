package dev.groundwork.views.review.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A file as lines without their terminators, plus what it takes to write edited lines back the way the file was
 * written: its line separator and whether it ends with one.
 *
 * @param separator "\r\n" when every line break of the file is CRLF, otherwise "\n" (a stray '\r' then stays part of
 *                  its line, so the text still comes back byte for byte)
 */
public record FileText(List<String> lines, String separator, boolean endsWithNewline) {

    public FileText {
        lines = List.copyOf(lines);
    }

    public static FileText parse(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int breaks = 0;
        int crlf = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            breaks++;
            if (i > start && text.charAt(i - 1) == '\r') {
                crlf++;
            }
            lines.add(text.substring(start, i));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        boolean allCrlf = breaks > 0 && crlf == breaks;
        for (int i = 0; allCrlf && i < breaks; i++) {
            lines.set(i, lines.get(i).substring(0, lines.get(i).length() - 1));
        }
        return new FileText(lines, allCrlf ? "\r\n" : "\n", breaks > 0 && start == text.length());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Whether the file has any line break, i.e. a separator of its own. */
    public boolean hasLineBreak() {
        return lines.size() > 1 || endsWithNewline;
    }

    /** {@code lines} written the way this file is written. */
    public String join(List<String> lines) {
        String text = String.join(separator, lines);
        return endsWithNewline && !lines.isEmpty() ? text + separator : text;
    }
}
