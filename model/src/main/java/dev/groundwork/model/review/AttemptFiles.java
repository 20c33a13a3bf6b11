package dev.groundwork.model.review;

import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.engine.ApplyOptions;
import dev.groundwork.model.patch.engine.ApplyOutcome;
import dev.groundwork.model.patch.engine.BaseTree;
import dev.groundwork.model.patch.engine.FileEdit;
import dev.groundwork.model.patch.engine.PatchEngine;
import dev.groundwork.model.patch.engine.PathRules;
import dev.groundwork.model.patch.git.CommitReader;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two attempts at an idea, file by file: each attempt's diff applied to its own base by the patch engine (as the loop
 * applied it), then the files either attempt changes, as the first attempt left them and as the second did.
 */
final class AttemptFiles {

    private final StudyFolder study;
    private final PatchEngine engine;
    private final CommitReader reader;

    AttemptFiles(StudyFolder study) {
        this.study = study;
        this.engine = new PatchEngine(PathRules.of(study.spec().baseline()), ApplyOptions.DEFAULT);
        this.reader = new CommitReader(study.baseline().dir());
    }

    /** {@code before} is the first attempt's text, {@code after} the second's; empty where one deletes the file. */
    List<PatchReview.FileChange> between(long firstId, long secondId) throws IOException {
        Patched first = patched(study.store().patches().get(firstId));
        Patched second = patched(study.store().patches().get(secondId));
        TreeSet<String> paths = new TreeSet<>(first.edits().keySet());
        paths.addAll(second.edits().keySet());
        List<PatchReview.FileChange> files = new ArrayList<>();
        for (String path : paths) {
            files.add(new PatchReview.FileChange(path, first.text(path), second.text(path)));
        }
        return files;
    }

    private Patched patched(Patch patch) throws IOException {
        String baseCommit = patch.baseCommit() != null ? patch.baseCommit() : study.baseline().mainCommit();
        BaseTree base = reader.base(baseCommit);
        ApplyOutcome outcome = engine.apply(patch.diff(), base);
        if (!outcome.applied()) {
            throw new IOException("Attempt " + patch.attempt() + " (patch " + patch.id() + ") does not apply, so it has no"
                    + " files to compare; pick an attempt that applied. " + outcome.report().summary());
        }
        Map<String, FileEdit> edits = new HashMap<>();
        outcome.edits().forEach(edit -> edits.put(edit.path(), edit));
        return new Patched(base, edits);
    }

    /** An attempt's files: those it edits as it left them, the others as its base has them. */
    private record Patched(BaseTree base, Map<String, FileEdit> edits) {
        String text(String path) throws IOException {
            FileEdit edit = edits.get(path);
            if (edit != null) {
                return edit.deletes() ? "" : edit.after();
            }
            return base.read(path).orElse("");
        }
    }
}
