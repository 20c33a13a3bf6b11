package dev.groundwork.model.patch.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What applying a diff produced.
 *
 * @param edits each file the patch changes, with its text before and after; empty unless it applied
 */
public record ApplyOutcome(ApplyReport report, List<FileEdit> edits) {

    public ApplyOutcome {
        edits = List.copyOf(edits);
    }

    public boolean applied() {
        return report.verdict() == ApplyReport.Verdict.APPLIED;
    }

    /**
     * The diff re-rendered from the edits, as it should be stored: hunk counts, offsets, fuzz and prose gone. Null
     * unless it applied. Rendered on request, since a failed or discarded attempt never needs it.
     */
    public String cleanDiff() {
        return applied() ? DiffRenderer.render(edits) : null;
    }

    /** Paths the patch creates or modifies (deleted ones left out), e.g. for pre-flight to compile. */
    public List<String> changedFiles() {
        return edits.stream().filter(edit -> !edit.deletes()).map(FileEdit::path).toList();
    }

    /** {@code files} with the edits made: the whole tree after the patch. */
    public Map<String, String> applyTo(Map<String, String> files) {
        Map<String, String> result = new TreeMap<>(files);
        for (FileEdit edit : edits) {
            if (edit.deletes()) {
                result.remove(edit.path());
            } else {
                result.put(edit.path(), edit.after());
            }
        }
        return result;
    }
}
