package dev.groundwork.model.search;

import dev.groundwork.model.patch.ApplyReports;
import dev.groundwork.model.common.Folders;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The two machine checks every patch passes, whoever wrote it: apply (and commit), then pre-flight. */
final class PatchPipeline {

    private static final Duration PREFLIGHT_LIMIT = Duration.ofMinutes(2);

    private final StudyFolder study;
    private final StudyCode code;
    private final Preflight preflight;
    private final LoopEvents events;

    PatchPipeline(StudyFolder study, StudyCode code, Preflight preflight, LoopEvents events) {
        this.study = study;
        this.code = code;
        this.preflight = preflight;
        this.events = events;
    }

    /** Applies a draft and commits it on the idea's branch, or records why it does not apply. */
    StudyCode.Applied apply(Patch draft) throws IOException {
        String baseCommit = draft.baseCommit() != null ? draft.baseCommit() : code.mainCommit();
        StudyCode.Applied applied = code.apply(draft.ideaId(), draft.diff(), baseCommit);
        if (applied.ok()) {
            study.store().patches().markApplied(draft.id(), applied.report(), applied.cleanDiff(), applied.commit());
        } else {
            study.store().patches().markApplyFailed(draft.id(), applied.report());
            events.note("Patch " + draft.id() + " (idea " + draft.ideaId() + ", attempt " + draft.attempt()
                    + ") did not apply: " + applied.summary());
        }
        return applied;
    }

    /** Compiles the changed files in a scratch checkout and runs the smoke command; records the result. */
    Preflight.Result preflight(Patch patch) throws IOException {
        Path workspace = study.runsDir().resolve(".preflight").resolve("patch-" + patch.id());
        Folders.deleteTree(workspace);
        Files.createDirectories(workspace);
        try {
            code.checkout(patch.commit(), workspace);
            List<String> changed = ApplyReports.changedFiles(patch.applyReport());
            Duration timeout = study.spec().run().timeout().compareTo(PREFLIGHT_LIMIT) < 0
                    ? study.spec().run().timeout() : PREFLIGHT_LIMIT;
            Preflight.Result result = preflight.check(workspace, changed, study.spec().run().smoke(), timeout);
            study.store().patches().markPreflight(patch.id(), result.passed(), result.report());
            if (!result.passed()) {
                events.note("Patch " + patch.id() + " (idea " + patch.ideaId() + ") failed pre-flight: "
                        + firstLine(result.report()));
            }
            return result;
        } finally {
            Folders.deleteTree(workspace);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
