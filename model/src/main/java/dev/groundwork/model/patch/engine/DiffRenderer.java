package dev.groundwork.model.patch.engine;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Renders git-style unified diffs from before and after texts. java-diff-utils finds the changes (Myers); the hunks
 * are formatted here because git's conventions matter to {@code git apply} and to reviewers: {@code diff --git}
 * headers, new and deleted file modes, {@code -0,0} for an empty side, counts of 1 left out, {@code \ No newline at end
 * of file}, and CR kept on lines of CR LF files. Lines are compared with their endings, so a changed ending is a
 * changed line.
 */
public final class DiffRenderer {

    private static final int CONTEXT = 3;

    private DiffRenderer() {}

    /** The diff of a researcher's edit: every path whose text differs between {@code before} and {@code after}. */
    public static String render(Map<String, String> before, Map<String, String> after) {
        List<FileEdit> edits = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            if (!Objects.equals(before.get(path), after.get(path))) {
                edits.add(new FileEdit(path, before.get(path), after.get(path), null));
            }
        }
        return render(edits);
    }

    public static String render(List<FileEdit> edits) {
        StringBuilder out = new StringBuilder();
        edits.forEach(edit -> renderFile(edit, out));
        return out.toString();
    }

    private static void renderFile(FileEdit edit, StringBuilder out) {
        String path = edit.path();
        out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
        FileMode mode = edit.mode() != null ? edit.mode() : FileMode.REGULAR;
        if (edit.creates()) {
            out.append("new file mode ").append(mode.octal()).append('\n');
        } else if (edit.deletes()) {
            out.append("deleted file mode ").append(mode.octal()).append('\n');
        } else if (edit.mode() != null) {
            FileMode old = mode == FileMode.EXECUTABLE ? FileMode.REGULAR : FileMode.EXECUTABLE;
            out.append("old mode ").append(old.octal()).append("\nnew mode ").append(mode.octal()).append('\n');
        }
        List<String> oldLines = TextLines.splitKeepingEnds(edit.creates() ? "" : edit.before());
        List<String> newLines = TextLines.splitKeepingEnds(edit.deletes() ? "" : edit.after());
        List<AbstractDelta<String>> deltas = DiffUtils.diff(oldLines, newLines).getDeltas();
        if (deltas.isEmpty()) {
            return; // a mode change, or an empty file created or deleted
        }
        out.append("--- ").append(edit.creates() ? DiffPaths.DEV_NULL : "a/" + path).append('\n');
        out.append("+++ ").append(edit.deletes() ? DiffPaths.DEV_NULL : "b/" + path).append('\n');
        int first = 0;
        while (first < deltas.size()) {
            int last = first;
            while (last + 1 < deltas.size() && gap(deltas.get(last), deltas.get(last + 1)) <= 2 * CONTEXT) {
                last++;
            }
            hunk(deltas.subList(first, last + 1), oldLines, newLines, out);
            first = last + 1;
        }
    }

    private static int gap(AbstractDelta<String> earlier, AbstractDelta<String> later) {
        return later.getSource().getPosition() - (earlier.getSource().getPosition() + earlier.getSource().size());
    }

    private static void hunk(List<AbstractDelta<String>> deltas, List<String> oldLines, List<String> newLines,
                             StringBuilder out) {
        AbstractDelta<String> first = deltas.getFirst();
        AbstractDelta<String> last = deltas.getLast();
        int oldStart = Math.max(0, first.getSource().getPosition() - CONTEXT);
        int oldEnd = Math.min(oldLines.size(), last.getSource().getPosition() + last.getSource().size() + CONTEXT);
        int newStart = first.getTarget().getPosition() - (first.getSource().getPosition() - oldStart);
        int newEnd = last.getTarget().getPosition() + last.getTarget().size() + (oldEnd - last.getSource().getPosition()
                - last.getSource().size());
        out.append("@@ -").append(range(oldStart, oldEnd - oldStart)).append(" +")
                .append(range(newStart, newEnd - newStart)).append(" @@\n");
        int line = oldStart;
        for (AbstractDelta<String> delta : deltas) {
            for (; line < delta.getSource().getPosition(); line++) {
                line(' ', oldLines.get(line), out);
            }
            delta.getSource().getLines().forEach(removed -> line('-', removed, out));
            delta.getTarget().getLines().forEach(added -> line('+', added, out));
            line += delta.getSource().size();
        }
        for (; line < oldEnd; line++) {
            line(' ', oldLines.get(line), out);
        }
    }

    /** git's range: the 1-based start and the count, the count left out when 1, the start one lower when 0. */
    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start + 1) : (count == 0 ? start : start + 1) + "," + count;
    }

    private static void line(char prefix, String withEnding, StringBuilder out) {
        out.append(prefix);
        if (withEnding.endsWith("\n")) {
            out.append(withEnding);
        } else {
            out.append(withEnding).append("\n\\ No newline at end of file\n");
        }
    }
}
