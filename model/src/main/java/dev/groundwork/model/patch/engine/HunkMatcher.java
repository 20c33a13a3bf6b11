package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges how well a hunk's old side fits a file at a position. Fits come in tiers: exact text, then text ignoring
 * trailing whitespace, then the same with 1, 2… context lines that differ (GNU patch's fuzz only forgives the outer
 * context; here any context line may be the stale one, since LLMs misremember lines anywhere). Lines the hunk removes
 * must always match, context may fall outside the file only at the hunk's edges, and a fuzzy fit needs more matching
 * non-blank lines than differing ones, so fuzz never places a hunk on blank lines alone.
 */
final class HunkMatcher {

    /**
     * Where a hunk goes and what had to be forgiven.
     *
     * @param start          the 0-based line of its old side's first line (negative when fuzz let leading context fall
     *                       before the file's start)
     * @param whitespace     whether trailing whitespace had to be ignored
     * @param ignoredContext the context lines that differ from the file, each with what the file has
     */
    record Placement(int start, boolean whitespace, List<String> ignoredContext) {}

    private final TextLines file;
    private final int maxFuzz;

    HunkMatcher(TextLines file, int maxFuzz) {
        this.file = file;
        this.maxFuzz = maxFuzz;
    }

    /**
     * The best tier at which the hunk fits at {@code start}: {@code 2 × differing context lines}, plus 1 when trailing
     * whitespace had to be ignored; -1 when it does not fit.
     */
    int tier(OldSide old, int start) {
        if (start < -old.size() || start > file.size() || old.mustEndFile() && start + old.size() != file.size()) {
            return -1;
        }
        int exactDiffering = 0;
        int looseDiffering = 0;
        int exactEvidence = 0;
        int looseEvidence = 0;
        boolean exactPossible = true;
        boolean loosePossible = true;
        for (int k = 0; k < old.size(); k++) {
            int line = start + k;
            if (line < 0 || line >= file.size()) {
                if (!old.outer(k)) {
                    return -1;
                }
                exactDiffering++;
                looseDiffering++;
            } else {
                boolean exact = file.same(line, old.text(k));
                boolean loose = exact || file.sameIgnoringTrailingWhitespace(line, old.text(k));
                int evidence = old.text(k).isBlank() ? 0 : 1;
                if (exact) {
                    exactEvidence += evidence;
                } else if (old.removed(k)) {
                    exactPossible = false;
                } else {
                    exactDiffering++;
                }
                if (loose) {
                    looseEvidence += evidence;
                } else if (old.removed(k)) {
                    loosePossible = false;
                } else {
                    looseDiffering++;
                }
            }
            exactPossible &= exactDiffering <= maxFuzz;
            loosePossible &= looseDiffering <= maxFuzz;
            if (!exactPossible && !loosePossible) {
                return -1;
            }
        }
        exactPossible &= exactDiffering == 0 || exactEvidence > exactDiffering;
        loosePossible &= looseDiffering == 0 || looseEvidence > looseDiffering;
        if (exactPossible && (!loosePossible || 2 * exactDiffering <= 2 * looseDiffering + 1)) {
            return 2 * exactDiffering;
        }
        return loosePossible ? 2 * looseDiffering + 1 : -1;
    }

    Placement placement(OldSide old, int start, int tier) {
        boolean whitespace = tier % 2 == 1;
        List<String> ignored = new ArrayList<>();
        for (int k = 0; k < old.size(); k++) {
            int line = start + k;
            if (line < 0 || line >= file.size()) {
                String where = line < 0 ? "before the start" : "past the end";
                ignored.add(quote(old.text(k)) + " (" + where + " of the file)");
            } else if (!(whitespace ? file.sameIgnoringTrailingWhitespace(line, old.text(k))
                    : file.same(line, old.text(k)))) {
                ignored.add(quote(old.text(k)) + " (line " + (line + 1) + " is " + quote(file.text(line)) + ")");
            }
        }
        return new Placement(start, whitespace, ignored);
    }

    /**
     * Why a hunk has no place, for the model to fix it: the best partial alignment anywhere in the file and its first
     * differing line, or where the hunk's lines are when only the window or the order kept them out.
     */
    String explainMiss(OldSide old, int center, int window, int minStart) {
        int bestStart = 0;
        int bestMatches = -1;
        for (int start = 1 - old.size(); start < file.size(); start++) {
            int matches = 0;
            for (int k = 0; k < old.size(); k++) {
                matches += matchesLoosely(old, start, k) ? 1 : 0;
            }
            boolean closer = Math.abs(start - center) < Math.abs(bestStart - center);
            if (matches > bestMatches || matches == bestMatches && closer) {
                bestMatches = matches;
                bestStart = start;
            }
        }
        int at = Math.max(bestStart, 0) + 1;
        if (bestMatches <= 0) {
            return "none of its " + old.size() + " context and removed lines is in the file; check the file name and "
                    + "copy those lines from the file exactly";
        }
        if (bestMatches == old.size()) {
            if (bestStart + old.lead() < minStart) {
                return "its lines are at line " + at + ", above the previous hunk; list hunks in file order";
            }
            if (Math.abs(bestStart - center) > window) {
                return "its lines are at line " + at + ", more than " + window + " lines away; fix the line numbers in "
                        + "its @@ header";
            }
            return "its lines are at line " + at + ", but its '\\ No newline at end of file' says they end the file";
        }
        int k = 0;
        while (matchesLoosely(old, bestStart, k)) {
            k++;
        }
        int line = bestStart + k;
        String there = line < 0 ? "before the start of the file" : line >= file.size() ? "past the end of the file"
                : quote(file.text(line)) + " in the file";
        int others = old.size() - bestMatches - 1;
        return "the closest match is at line " + at + ", where " + bestMatches + " of its " + old.size() + " context "
                + "and removed lines match; line " + (old.bodyLine(k) + 1) + " of the hunk, " + quote(old.text(k))
                + ", is " + there + (others > 0 ? " (and " + Plural.of(others, "more line") + " differ)" : "");
    }

    private boolean matchesLoosely(OldSide old, int start, int k) {
        int line = start + k;
        return line >= 0 && line < file.size() && file.sameIgnoringTrailingWhitespace(line, old.text(k));
    }

    static String quote(String line) {
        String text = line.strip();
        return "'" + (text.length() > 80 ? text.substring(0, 77) + "…" : text) + "'";
    }
}
