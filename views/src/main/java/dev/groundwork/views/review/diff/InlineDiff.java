package dev.groundwork.views.review.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;

/**
 * The characters that differ between two paired lines, found word by word rather than character by character, so
 * that renaming {@code lr} to {@code learning_rate} marks the whole name instead of scattered letters. Changes only
 * whitespace apart are marked as one range, which reads better than a row of islands. Lines that share too little
 * get no marks at all: the row's colour already says they differ, and marking everything but a stray "cfg." is noise.
 */
public record InlineDiff(List<TextRange> left, List<TextRange> right) {

    /** Below this share of unchanged visible characters, paired lines are simply different lines: no marks. */
    private static final double MIN_UNCHANGED_SHARE = 1.0 / 3;
    private static final InlineDiff NONE = new InlineDiff(List.of(), List.of());
    private static final int WORD = 0;
    private static final int SPACE = 1;
    private static final int OTHER = 2;

    public InlineDiff {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    public static InlineDiff of(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        List<TextRange> left = new ArrayList<>();
        List<TextRange> right = new ArrayList<>();
        int[] aStarts = starts(a);
        int[] bStarts = starts(b);
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            add(left, delta.getSource(), aStarts, before);
            add(right, delta.getTarget(), bStarts, after);
        }
        int visible = visible(before, new TextRange(0, before.length())) + visible(after, new TextRange(0, after.length()));
        int changed = left.stream().mapToInt(range -> visible(before, range)).sum()
                + right.stream().mapToInt(range -> visible(after, range)).sum();
        return visible > 0 && visible - changed < MIN_UNCHANGED_SHARE * visible ? NONE : new InlineDiff(left, right);
    }

    /** Non-whitespace characters of {@code line} inside {@code range}. */
    private static int visible(String line, TextRange range) {
        int count = 0;
        for (int i = range.start(); i < range.end(); i++) {
            count += Character.isWhitespace(line.charAt(i)) ? 0 : 1;
        }
        return count;
    }

    /** Runs of letters, digits and '_', runs of whitespace, and every other character on its own. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int kind = kind(line.charAt(i));
            int end = i + 1;
            while (kind != OTHER && end < line.length() && kind(line.charAt(end)) == kind) {
                end++;
            }
            words.add(line.substring(i, end));
            i = end;
        }
        return words;
    }

    private static int kind(char c) {
        if (Character.isLetterOrDigit(c) || c == '_') {
            return WORD;
        }
        return Character.isWhitespace(c) ? SPACE : OTHER;
    }

    /** Character offset of each word, plus the line's length at the end. */
    private static int[] starts(List<String> words) {
        int[] starts = new int[words.size() + 1];
        for (int i = 0; i < words.size(); i++) {
            starts[i + 1] = starts[i] + words.get(i).length();
        }
        return starts;
    }

    /** Adds the chunk's characters, joined to the previous range when only whitespace lies between them. */
    private static void add(List<TextRange> ranges, Chunk<String> chunk, int[] starts, String line) {
        if (chunk.size() == 0) {
            return;
        }
        int start = starts[chunk.getPosition()];
        int end = starts[chunk.getPosition() + chunk.size()];
        if (!ranges.isEmpty() && line.substring(ranges.getLast().end(), start).isBlank()) {
            start = ranges.removeLast().start();
        }
        ranges.add(new TextRange(start, end));
    }
}
