package dev.groundwork.views.review.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines up two versions of a file row by row. Inside a hunk the i-th removed line faces the i-th added line (a
 * {@link RowKind#CHANGED} row); the longer side's surplus faces fillers.
 */
final class RowAligner {

    /** A line with whether a line break follows it, so that adding or dropping the final newline is a change. */
    private record Line(String text, boolean broken) {}

    private RowAligner() {}

    static List<DiffRow> align(FileText before, FileText after) {
        List<Line> a = lines(before);
        List<Line> b = lines(after);
        List<DiffRow> rows = new ArrayList<>(Math.max(a.size(), b.size()));
        int i = 0;
        int j = 0;
        for (AbstractDelta<Line> delta : DiffUtils.diff(a, b).getDeltas()) {
            while (i < delta.getSource().getPosition()) {
                rows.add(new DiffRow(RowKind.SAME, line(a, i++), line(b, j++)));
            }
            int removed = delta.getSource().size();
            int added = delta.getTarget().size();
            for (int k = 0; k < Math.max(removed, added); k++) {
                rows.add(k < removed && k < added ? changed(a, i + k, b, j + k)
                        : k < removed ? new DiffRow(RowKind.REMOVED, line(a, i + k), DiffLine.FILLER)
                        : new DiffRow(RowKind.ADDED, DiffLine.FILLER, line(b, j + k)));
            }
            i += removed;
            j += added;
        }
        while (i < a.size()) {
            rows.add(new DiffRow(RowKind.SAME, line(a, i++), line(b, j++)));
        }
        return rows;
    }

    private static List<Line> lines(FileText file) {
        List<String> texts = file.lines();
        List<Line> lines = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            lines.add(new Line(texts.get(i), i < texts.size() - 1 || file.endsWithNewline()));
        }
        return lines;
    }

    private static DiffLine line(List<Line> lines, int index) {
        return new DiffLine(index + 1, lines.get(index).text(), List.of());
    }

    private static DiffRow changed(List<Line> a, int i, List<Line> b, int j) {
        InlineDiff inline = InlineDiff.of(a.get(i).text(), b.get(j).text());
        return new DiffRow(RowKind.CHANGED, new DiffLine(i + 1, a.get(i).text(), inline.left()),
                new DiffLine(j + 1, b.get(j).text(), inline.right()));
    }
}
