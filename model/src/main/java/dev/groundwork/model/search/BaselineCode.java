package dev.groundwork.model.search;

import dev.groundwork.model.patch.ApplyReports;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundwork.model.patch.engine.ApplyOptions;
import dev.groundwork.model.patch.engine.ApplyOutcome;
import dev.groundwork.model.patch.engine.BaseTree;
import dev.groundwork.model.patch.engine.DiffRenderer;
import dev.groundwork.model.patch.engine.PatchEngine;
import dev.groundwork.model.patch.engine.PathRules;
import dev.groundwork.model.patch.git.CommitCheckout;
import dev.groundwork.model.patch.git.CommitReader;
import dev.groundwork.model.patch.git.IdeaBranchCommitter;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/** The study's {@code baseline/} repository seen through the patch engine: the loop's {@link StudyCode}. */
public final class BaselineCode implements StudyCode {

    private static final PersonIdent GROUNDWORK = new PersonIdent("Groundwork", "groundwork@localhost");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StudyFolder study;
    private final PatchEngine engine;
    private final CommitReader reader;

    public BaselineCode(StudyFolder study) {
        this.study = study;
        this.engine = new PatchEngine(PathRules.of(study.spec().baseline()), ApplyOptions.DEFAULT);
        this.reader = new CommitReader(study.baseline().dir());
    }

    @Override
    public String mainCommit() throws IOException {
        return study.baseline().mainCommit();
    }

    @Override
    public Map<String, String> files(String commit) throws IOException {
        return reader.textFiles(commit, path -> true);
    }

    @Override
    public Applied apply(long ideaId, String diff, String baseCommit) throws IOException {
        ApplyOutcome outcome = engine.apply(diff, reader.base(baseCommit));
        if (!outcome.applied()) {
            return failed(outcome);
        }
        String commit = new IdeaBranchCommitter(study.baseline().dir()).commit(ideaId, baseCommit, outcome.edits(),
                "Idea " + ideaId + " (" + study.name() + ")\n\nApplied by Groundwork's patch engine.", GROUNDWORK, GROUNDWORK);
        return applied(outcome, commit);
    }

    @Override
    public Applied tryApply(String diff, String baseCommit) throws IOException {
        ApplyOutcome outcome = engine.apply(diff, reader.base(baseCommit));
        return outcome.applied() ? applied(outcome, null) : failed(outcome);
    }

    @Override
    public Optional<String> compose(List<String> diffs, String baseCommit) throws IOException {
        Map<String, String> before = files(baseCommit);
        Map<String, String> after = before;
        for (String diff : diffs) {
            ApplyOutcome outcome = engine.apply(diff, BaseTree.of(after));
            if (!outcome.applied()) {
                return Optional.empty();
            }
            after = outcome.applyTo(after);
        }
        return Optional.of(DiffRenderer.render(before, after));
    }

    @Override
    public void checkout(String commit, Path dir) throws IOException {
        new CommitCheckout(study.baseline().dir()).checkout(commit, dir);
    }

    private static Applied applied(ApplyOutcome outcome, String commit) throws IOException {
        return new Applied(true, outcome.cleanDiff(), report(outcome), outcome.report().summary(), commit,
                outcome.changedFiles());
    }

    private static Applied failed(ApplyOutcome outcome) throws IOException {
        return new Applied(false, null, report(outcome), outcome.report().summary(), null, List.of());
    }

    private static String report(ApplyOutcome outcome) throws IOException {
        return ApplyReports.write(outcome.report().summary(), outcome.changedFiles(), JSON.readTree(outcome.report().toJson()));
    }
}
