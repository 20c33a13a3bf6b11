package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the diff in what an LLM wrote. Models wrap diffs in markdown fences and explain them in prose; the diff is the
 * contents of the fenced blocks that hold diff headers (one per file is common), or, with no such block, the whole
 * text — the parser skips prose outside hunks the way GNU patch skips leading garbage.
 */
final class DiffExtractor {

    private static final Pattern FENCE_OPEN = Pattern.compile("^( {0,3})(`{3,}|~{3,})[^`]*$");

    record Extraction(List<String> lines, String note) {}

    private DiffExtractor() {}

    static Extraction extract(List<String> lines) {
        List<String> fenced = new ArrayList<>();
        int blocks = 0;
        boolean prose = false;
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE_OPEN.matcher(stripCr(lines.get(i)));
            if (!open.matches()) {
                prose |= !lines.get(i).isBlank();
                i++;
                continue;
            }
            int end = closingFence(lines, i + 1, open.group(2));
            List<String> body = unindent(lines.subList(i + 1, end), open.group(1).length());
            if (looksLikeDiff(body)) {
                fenced.addAll(body);
                blocks++;
            } else {
                prose = true;
            }
            i = end + 1;
        }
        if (blocks == 0) {
            return new Extraction(lines, null);
        }
        String where = blocks == 1 ? "a fenced block" : blocks + " fenced blocks";
        return new Extraction(fenced, "took the diff from " + where + (prose ? " and ignored the text around it" : ""));
    }

    private static int closingFence(List<String> lines, int from, String fence) {
        for (int i = from; i < lines.size(); i++) {
            String line = stripCr(lines.get(i)).strip();
            if (line.length() >= fence.length() && line.chars().allMatch(c -> c == fence.charAt(0))) {
                return i;
            }
        }
        return lines.size(); // a reply cut off inside its fence
    }

    private static List<String> unindent(List<String> body, int indent) {
        if (indent == 0) {
            return body;
        }
        String prefix = " ".repeat(indent);
        return body.stream().map(line -> line.startsWith(prefix) ? line.substring(indent) : line).toList();
    }

    private static boolean looksLikeDiff(List<String> body) {
        return body.stream().anyMatch(line -> line.startsWith("@@") || line.startsWith("diff --git ")
                || line.startsWith("--- ") || line.startsWith("+++ "));
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
