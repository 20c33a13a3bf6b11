package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one file's hunks to its current text: all hunks are placed first ({@link HunkPlanner}), so a failure report
 * names every failing hunk, not just the first; the text is only rebuilt when every hunk found a place.
 */
final class FileApplier {

    /**
     * @param content the file's new text; null when it failed or the file is deleted
     * @param note    something the report should mention (a file created without '/dev/null'), or null
     */
    record Result(FileReport report, String content, String note) {}

    private record Placed(Hunk hunk, int start) {}

    private final ApplyOptions options;

    FileApplier(ApplyOptions options) {
        this.options = options;
    }

    Result apply(FilePatch patch, Optional<String> before) {
        String path = patch.path();
        FileChange change = patch.creates() ? FileChange.CREATED
                : patch.deletes() ? FileChange.DELETED : FileChange.MODIFIED;
        boolean onlyAdds = patch.hunks().stream().allMatch(hunk -> hunk.oldCount() == 0);
        String note = null;
        if (patch.creates() && before.isPresent()) {
            return failed(path, change, "'" + path + "' already exists; diff against its current content ('--- a/"
                    + path + "') to change it.");
        }
        if (patch.creates() && !onlyAdds) {
            return failed(path, change, "'" + path + "' is new ('--- /dev/null'), so its hunks may only add lines "
                    + "('+').");
        }
        if (!patch.creates() && before.isEmpty()) {
            if (patch.deletes() || !onlyAdds || patch.hunks().isEmpty()) {
                return failed(path, change, "'" + path + "' does not exist; to create it, use '--- /dev/null' and add "
                        + "every line with '+'.");
            }
            change = FileChange.CREATED;
            note = "created '" + path + "', which did not exist, because its hunks only add lines";
        }
        if (patch.deletes() && patch.hunks().isEmpty()) {
            return new Result(new FileReport(path, change, true, null, List.of()), null, null);
        }
        TextLines file = TextLines.of(before.orElse(""));
        HunkMatcher matcher = new HunkMatcher(file, options.maxFuzz());
        List<OldSide> hunks = patch.hunks().stream().map(OldSide::new).toList();
        List<HunkMatcher.Placement> plan = new HunkPlanner(file, matcher, options.maxOffset()).plan(hunks);
        List<Placed> placed = new ArrayList<>();
        List<HunkReport> reports = new ArrayList<>();
        int minStart = 0;
        for (int i = 0; i < hunks.size(); i++) {
            OldSide old = hunks.get(i);
            HunkMatcher.Placement placement = plan.get(i);
            if (placement == null) {
                reports.add(miss(i + 1, old.hunk().statedLine(), why(matcher, file, old, i + 1, path, minStart)));
            } else {
                reports.add(report(i + 1, old.hunk().statedLine(), placement));
                placed.add(new Placed(old.hunk(), placement.start()));
                minStart = placement.start() + old.coreEnd();
            }
        }
        if (placed.size() < hunks.size()) {
            return new Result(new FileReport(path, change, false, null, reports), null, null);
        }
        String content = rebuild(file, placed, patch);
        if (patch.deletes() && !content.isEmpty()) {
            int left = TextLines.of(content).size();
            return failed(path, change, "'" + path + "' is deleted ('+++ /dev/null'), but " + Plural.of(left, "line")
                    + " of it " + (left == 1 ? "is" : "are") + " not among the hunks' removed lines; remove every "
                    + "line, or keep the file.", reports);
        }
        return new Result(new FileReport(path, change, true, null, reports), patch.deletes() ? null : content, note);
    }

    private String why(HunkMatcher matcher, TextLines file, OldSide old, int number, String path, int minStart) {
        Integer stated = old.hunk().statedLine();
        String failure = "hunk " + number + " of '" + path + "' does not apply"
                + (stated != null ? " at line " + stated : "");
        if (old.size() == 0 && stated == null) {
            return failure + ": it has neither context lines nor line numbers, so nothing says where it goes; include "
                    + "the unchanged lines around the change.";
        }
        if (old.size() == 0) {
            return failure + ": " + (stated - 1 > file.size() ? "the file has only " + Plural.of(file.size(), "line")
                    : "an earlier hunk already changed lines after it") + "; include the unchanged lines around the "
                    + "change so it can be placed.";
        }
        int center = stated == null ? minStart : stated - 1;
        int window = stated == null ? file.size() : options.maxOffset();
        return failure + ": " + matcher.explainMiss(old, center, window, minStart) + ".";
    }

    private static HunkReport report(int number, Integer stated, HunkMatcher.Placement placement) {
        int line = Math.max(placement.start(), 0) + 1;
        Integer offset = stated == null ? null : line - stated;
        boolean fuzz = placement.whitespace() || !placement.ignoredContext().isEmpty();
        HunkStatus status = fuzz ? HunkStatus.APPLIED_WITH_FUZZ
                : offset != null && offset != 0 ? HunkStatus.APPLIED_WITH_OFFSET : HunkStatus.APPLIED;
        return new HunkReport(number, status, stated, line, offset, placement.whitespace(), placement.ignoredContext(),
                null);
    }

    private static HunkReport miss(int number, Integer stated, String error) {
        return new HunkReport(number, HunkStatus.FAILED, stated, null, null, false, List.of(), error);
    }

    /**
     * The new text: base lines outside the hunks' changes are copied as they are (context lines too, so a fuzzy or
     * whitespace-forgiving match keeps the file's version), removed lines are dropped, added lines inserted.
     */
    private static String rebuild(TextLines file, List<Placed> placed, FilePatch patch) {
        String ending = file.size() > 0 ? file.dominantEnding() : "\n";
        StringBuilder out = new StringBuilder(file.length() + 1024);
        boolean endsWithNewline = file.endsWithNewline();
        int cursor = 0;
        for (Placed each : placed) {
            Hunk hunk = each.hunk();
            List<HunkLine> lines = hunk.lines();
            int lead = hunk.leadingContext();
            int line = Math.clamp((long) each.start() + lead, 0, file.size());
            file.append(out, cursor, line, ending);
            cursor = line;
            for (HunkLine body : lines.subList(lead, lines.size() - hunk.trailingContext())) {
                switch (body.kind()) {
                    case CONTEXT -> {
                        file.append(out, cursor, cursor + 1, ending);
                        cursor++;
                    }
                    case REMOVED -> cursor++;
                    case ADDED -> out.append(body.text()).append(!patch.crlfAware() ? ending
                            : body.crlf() ? "\r\n" : "\n");
                }
            }
            boolean reachesEnd = each.start() + hunk.oldCount() >= file.size();
            if (reachesEnd && (hunk.oldMissingNewline() || hunk.newMissingNewline())) {
                endsWithNewline = !hunk.newMissingNewline();
            }
        }
        file.append(out, cursor, file.size(), ending);
        if (!endsWithNewline && !out.isEmpty()) {
            out.setLength(out.length() - (out.length() > 1 && out.charAt(out.length() - 2) == '\r' ? 2 : 1));
        }
        return out.toString();
    }

    private static Result failed(String path, FileChange change, String error) {
        return failed(path, change, error, List.of());
    }

    private static Result failed(String path, FileChange change, String error, List<HunkReport> hunks) {
        return new Result(new FileReport(path, change, false, error, hunks), null, null);
    }
}
