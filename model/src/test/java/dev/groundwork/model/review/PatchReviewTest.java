package dev.groundwork.model.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.StudyCode;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchReviewTest {

    @TempDir
    Path temp;

    @Test
    void aWaitingPatchShowsItsFilesBeforeAndAfterAndTheDecisionIsRecorded() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        try (SettingsStore settings = new SettingsStore(dirs.settingsFile());
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs,
                     Clock.systemUTC()).create(temp.resolve("study"), "minimal")) {
            String diff = Files.readString(study.dir().resolve("ideas/momentum.diff"));
            String why = "[Experiment] Heavy-ball momentum smooths the noisy steps. [Code Changes] train.py: a velocity per weight. [End]";
            Idea idea = implemented(study, study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Heavy-ball momentum", why)));
            StudyCode code = new BaselineCode(study);
            Patch patch = study.store().patches().add(new NewPatch(idea.id(), diff, code.mainCommit(), null, "catalog"));
            StudyCode.Applied applied = code.apply(idea.id(), diff, code.mainCommit());
            study.store().patches().markApplied(patch.id(), applied.report(), applied.cleanDiff(), applied.commit());
            study.store().patches().markPreflight(patch.id(), true, "compiled train.py");

            PatchReview review = new PatchReview(study, Clock.systemUTC(), new HumanPatches(study, new BaselineCode(study), (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE));
            assertThat(review.waiting()).containsExactly(new PatchReview.Item(patch.id(), idea.id(), "Heavy-ball momentum",
                    why, 0, 1, "catalog"));
            assertThat(review.files(patch.id())).singleElement().satisfies(file -> {
                assertThat(file.path()).isEqualTo("train.py");
                assertThat(file.before()).isEqualTo(Files.readString(study.dir().resolve("baseline/train.py")));
                assertThat(file.after()).contains("velocity[k] = MOMENTUM * velocity[k]").doesNotContain("weights[k] -=");
            });

            String edited = review.files(patch.id()).getFirst().after().replace("MOMENTUM = 0.9", "MOMENTUM = 0.8");
            String outcome = review.submitEdit(patch.id(), "train.py", edited, "ada");
            assertThat(outcome).contains("passed pre-flight");
            assertThat(study.store().patches().get(patch.id()).status()).isEqualTo(PatchStatus.SUPERSEDED);
            Patch edit = study.store().patches().forIdea(idea.id()).getLast();
            assertThat(edit.author()).isEqualTo("catalog+human");
            assertThat(edit.attempt()).isEqualTo(2);
            assertThat(edit.diff()).contains("+MOMENTUM = 0.8").contains("+velocity = [0.0] * len(weights)");
            assertThat(review.files(edit.id()).getFirst().after()).isEqualTo(edited);
            assertThat(review.waiting()).extracting(PatchReview.Item::patchId).containsExactly(edit.id());

            assertThat(review.approve(edit.id(), "ada", "clean").status()).isEqualTo(PatchStatus.APPROVED);
            assertThat(review.waiting()).isEmpty();
            assertThat(PatchReview.coAuthor("llm:gpt-4o")).isEqualTo("llm+human");
            assertThat(PatchReview.coAuthor("human")).isEqualTo("human");
        }
    }

    /** As the loop leaves an idea whose patch waits at the gate. */
    private static Idea implemented(StudyFolder study, Idea idea) {
        study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
        study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTING);
        return study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTED);
    }
}
