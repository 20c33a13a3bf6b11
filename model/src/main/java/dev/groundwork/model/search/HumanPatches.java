package dev.groundwork.model.search;

import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.util.Optional;

/**
 * A researcher's own diff for an idea: the same patch engine, pre-flight and patch gate as any implementer's, with
 * author {@code human}. A diff that does not apply is refused before anything is stored.
 */
public final class HumanPatches {

    public static final String AUTHOR = "human";

    private final StudyFolder study;
    private final StudyCode code;
    private final PatchPipeline pipeline;

    public HumanPatches(StudyFolder study, StudyCode code, Preflight preflight, LoopEvents events) {
        this.study = study;
        this.code = code;
        this.pipeline = new PatchPipeline(study, code, preflight, events);
    }

    /** Why the diff does not apply to the baseline, or empty when it does (nothing is stored or committed). */
    public Optional<String> check(String diff) throws IOException {
        StudyCode.Applied applied = code.tryApply(diff, code.mainCommit());
        return applied.ok() ? Optional.empty() : Optional.of(applied.summary());
    }

    /** Stores the diff as the idea's next attempt, applies and pre-flights it; returns a sentence on where it stands. */
    public String submit(Idea idea, String diff) throws IOException {
        return submit(idea, diff, AUTHOR, code.mainCommit(), null);
    }

    /**
     * The same for a diff against any base: a reviewer's edit of an LLM's patch is stored as author {@code llm+human}
     * on the base the LLM's patch had.
     */
    public String submit(Idea idea, String diff, String author, String baseCommit, Long parentPatchId) throws IOException {
        if (idea.status() == IdeaStatus.APPROVED || idea.status() == IdeaStatus.IMPLEMENTED) {
            idea = study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTING);
        }
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), diff, baseCommit, parentPatchId, author));
        StudyCode.Applied applied = pipeline.apply(patch);
        if (!applied.ok()) {
            return "Patch " + patch.id() + " did not apply: " + applied.summary();
        }
        Preflight.Result result = pipeline.preflight(study.store().patches().get(patch.id()));
        if (!result.passed()) {
            return "Patch " + patch.id() + " applied but failed pre-flight:\n" + result.report();
        }
        study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTED);
        // The engine's summary names every offset and every context line it forgave: a person's diff is never fuzzed silently.
        return "Patch " + patch.id() + " passed pre-flight and waits for review at the patch gate. " + applied.summary();
    }
}
