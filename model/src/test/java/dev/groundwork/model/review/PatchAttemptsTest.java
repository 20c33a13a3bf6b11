package dev.groundwork.model.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.patch.ReviewDecision;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An idea's attempts on the charlm study, as the loop and a reviewer leave them: a diff that does not apply (retried by
 * the loop), the implementer's patch, the reviewer's edit of it, sent back with a comment, and the regenerated patch.
 */
class PatchAttemptsTest {

    private static final String STALE_DIFF = """
            --- a/train.py
            +++ b/train.py
            @@ -1,2 +1,2 @@
            -a line this file never had
            +a line it will not get
            """;

    @TempDir
    Path temp;

    /** The charlm study with an LLM implementer (which can write another attempt), as these attempts were written by. */
    private StudyFolder llmImplementedCharlm(StudyLibrary library) throws Exception {
        Path dir = temp.resolve("study");
        library.create(dir, "charlm").close();
        Path spec = dir.resolve(StudyFolder.SPEC_FILE);
        Files.writeString(spec, Files.readString(spec).replace("implementer: catalog", "implementer: openai:gpt-4o"));
        return library.open(dir);
    }

    @Test
    void attemptsAreListedInOrderWithAuthorsAndComparedFileByFile() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        try (SettingsStore settings = new SettingsStore(dirs.settingsFile());
             StudyFolder study = llmImplementedCharlm(new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()),
                     settings, dirs, Clock.systemUTC()))) {
            HumanPatches patches = new HumanPatches(study, new BaselineCode(study),
                    (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE);
            PatchReview review = new PatchReview(study, Clock.systemUTC(), patches);
            String main = study.baseline().mainCommit();
            Idea idea = approved(study, "Cosine learning-rate schedule");

            assertThat(patches.submit(idea, STALE_DIFF, "llm:gpt-4o", main, null)).contains("did not apply");
            Patch first = latest(study, idea);
            study.store().patches().decide(first.id(), PatchStatus.SUPERSEDED,
                    new ReviewDecision(PatchOutcome.GROUNDWORK, Instant.now(), "failed to apply; trying again"));
            patches.submit(study.store().ideas().get(idea.id()), diff(study, "cosine-lr"), "llm:gpt-4o", main, null);
            Patch second = latest(study, idea);
            String cosine = review.files(second.id()).getFirst().after();
            String edited = cosine.replaceFirst("\n", "\n# warm-up tuned in review\n");
            review.submitEdit(second.id(), "train.py", edited, "ada");
            Patch third = latest(study, idea);
            review.regenerate(third.id(), "ada", "Keep the schedule, and add dropout to the model too.");
            patches.submit(study.store().ideas().get(idea.id()), diff(study, "dropout"), "llm:gpt-4o", main, null);
            Patch fourth = latest(study, idea);

            List<PatchReview.Attempt> attempts = review.attempts(idea.id());
            assertThat(attempts).extracting(PatchReview.Attempt::number).containsExactly(1, 2, 3, 4);
            assertThat(attempts).extracting(PatchReview.Attempt::author)
                    .containsExactly("llm:gpt-4o", "llm:gpt-4o", "llm+human", "llm:gpt-4o");
            assertThat(attempts).extracting(attempt -> attempt.outcome().status()).containsExactly(PatchStatus.SUPERSEDED,
                    PatchStatus.SUPERSEDED, PatchStatus.REJECTED, PatchStatus.PREFLIGHT_OK);
            assertThat(attempts).extracting(PatchReview.Attempt::applied).containsExactly(false, true, true, true);
            assertThat(attempts.get(0).outcome().reason()).startsWith("Did not apply:").contains("train.py");
            assertThat(attempts.get(1).outcome().reason()).isEqualTo("edited in review");
            assertThat(attempts.get(2).outcome().decidedBy()).isEqualTo("ada");
            assertThat(attempts.get(2).outcome().reason()).isEqualTo("Keep the schedule, and add dropout to the model too.");

            // The reviewer's edit against the implementer's patch: one file, the edited line on the right only.
            assertThat(review.filesBetween(second.id(), third.id())).singleElement().satisfies(file -> {
                assertThat(file.path()).isEqualTo("train.py");
                assertThat(file.before()).isEqualTo(cosine).doesNotContain("# warm-up tuned in review");
                assertThat(file.after()).isEqualTo(edited);
            });
            // The regenerated patch changes model.py where the edit changed train.py: both files, each side as its
            // attempt left it and the base where an attempt did not touch the file.
            String baseTrain = Files.readString(study.dir().resolve("baseline/train.py"));
            String baseModel = Files.readString(study.dir().resolve("baseline/model.py"));
            List<PatchReview.FileChange> between = review.filesBetween(third.id(), fourth.id());
            assertThat(between).extracting(PatchReview.FileChange::path).containsExactly("model.py", "train.py");
            assertThat(between.get(0).before()).isEqualTo(baseModel);
            assertThat(between.get(0).after()).isEqualTo(review.files(fourth.id()).getFirst().after()).isNotEqualTo(baseModel);
            assertThat(between.get(1).before()).isEqualTo(edited);
            assertThat(between.get(1).after()).isEqualTo(baseTrain);
            assertThatThrownBy(() -> review.filesBetween(first.id(), fourth.id())).isInstanceOf(IOException.class)
                    .hasMessageContaining("Attempt 1 (patch " + first.id() + ") does not apply");
        }
    }

    @Test
    void theHistoryListsDecidedAndFailedPatchesNewestFirstWithWhoAndWhy() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        try (SettingsStore settings = new SettingsStore(dirs.settingsFile());
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs,
                     Clock.systemUTC()).create(temp.resolve("study"), "charlm")) {
            HumanPatches patches = new HumanPatches(study, new BaselineCode(study),
                    (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE);
            PatchReview review = new PatchReview(study, Clock.systemUTC(), patches);
            String main = study.baseline().mainCommit();
            Idea adam = approved(study, "Adam");
            patches.submit(adam, diff(study, "adam"), "llm:gpt-4o", main, null);
            Patch approved = review.approve(latest(study, adam).id(), "ada", "clean");
            Idea relu = approved(study, "ReLU");
            patches.submit(relu, diff(study, "relu"), "llm:gpt-4o", main, null);
            Patch rejected = review.reject(latest(study, relu).id(), "bo", "ReLU was tried in epoch 0 already.");
            Idea broken = approved(study, "Broken");
            patches.submit(broken, STALE_DIFF, "llm:gpt-4o", main, null);
            Patch failed = latest(study, broken);
            Idea waiting = approved(study, "Momentum");
            patches.submit(waiting, diff(study, "momentum"), "llm:gpt-4o", main, null);

            List<PatchReview.Decided> decided = review.decided();
            assertThat(decided).extracting(each -> each.item().patchId())
                    .containsExactly(failed.id(), rejected.id(), approved.id());
            assertThat(decided.get(0).outcome().status()).isEqualTo(PatchStatus.APPLY_FAILED);
            assertThat(decided.get(0).outcome().decidedBy()).isEqualTo("groundwork");
            assertThat(decided.get(0).outcome().reason()).startsWith("Did not apply:");
            assertThat(decided.get(1).item().ideaTitle()).isEqualTo("ReLU");
            assertThat(decided.get(1).outcome().decidedBy()).isEqualTo("bo");
            assertThat(decided.get(1).outcome().reason()).isEqualTo("ReLU was tried in epoch 0 already.");
            assertThat(decided.get(2).outcome().status()).isEqualTo(PatchStatus.APPROVED);
            assertThat(decided.get(2).outcome().at()).isEqualTo(approved.decision().decidedAt());
            assertThat(review.waiting()).extracting(PatchReview.Item::ideaTitle).containsExactly("Momentum");
            assertThatThrownBy(() -> review.files(failed.id())).hasMessage("Patch " + failed.id()
                    + " did not apply, so it has no files to show.");
        }
    }

    private static Idea approved(StudyFolder study, String title) {
        Idea idea = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, title, ""));
        return study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
    }

    private static Patch latest(StudyFolder study, Idea idea) {
        return study.store().patches().forIdea(idea.id()).getLast();
    }

    private static String diff(StudyFolder study, String name) throws IOException {
        return Files.readString(study.dir().resolve("ideas/" + name + ".diff"));
    }
}
