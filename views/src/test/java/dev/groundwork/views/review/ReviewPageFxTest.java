package dev.groundwork.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.review.PatchReview;
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
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FixedDesks;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Review page on a real study whose patch waits at the gate: queue, side-by-side diff, approve by keyboard. */
@ExtendWith(ApplicationExtension.class)
class ReviewPageFxTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyFolder study;
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (stage != null) {
                stage.close();
            }
        }).get();
        if (study != null) {
            study.close();
        }
        settings.close();
    }

    @Test
    void aWaitingPatchIsShownSideBySideAndApprovedWithTheKeyboard(FxRobot robot) throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        StudyLibrary library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
        library.create(temp.resolve("study"), "minimal").close();
        study = library.open(temp.resolve("study"));
        Patch patch = waitingPatch(study);

        // The shell opens the study through the library; this test hands it the study it already holds.
        MainViewModel vm = new MainViewModel(new FakeStudies().with(study), new SameThreadTaskExecutor(), Theme.LIGHT,
                FixedDesks.review(new PatchReview(study, Clock.systemUTC(), new HumanPatches(study,
                        new BaselineCode(study), (workspace, changed, smoke, timeout) -> new Preflight.Result(true,
                        "compiled"), LoopEvents.NONE))), "ada");
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            MainView view = new MainView(vm);
            stage.setScene(new Scene(view.root(), 960, 640));
            stage.show();
            vm.openStudy(study.dir());
            vm.pageProperty().set(Page.REVIEW);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> queue = robot.lookup("#review-queue").queryAs(ListView.class);
        assertThat(queue.getItems()).hasSize(1);
        assertThat(robot.lookup("#review-diff").queryParent().getChildrenUnmodifiable()).isNotEmpty();
        assertThat(robot.lookup(".diff-header").tryQuery()).isPresent();
        assertThat(robot.lookup("#review-approve").queryAs(Button.class).isDisabled()).isFalse();

        // Edit the right side: the first line of train.py gets a comment; Ctrl+S saves it as a new attempt.
        Button save = robot.lookup("#review-save-edit").queryAs(Button.class);
        robot.clickOn(save);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#review-message").queryLabeled().getText()).isEqualTo("Nothing changed in train.py.");
        robot.clickOn(queue);
        robot.type(javafx.scene.input.KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        org.fxmisc.richtext.CodeArea right = robot.lookup(".diff-right").queryAs(org.fxmisc.richtext.CodeArea.class);
        assertThat(right.isFocused()).as("e puts the cursor in the editable side").isTrue();
        WaitForAsyncUtils.asyncFx(() -> right.insertText(0, "# tuned in review\n")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(right.getText()).as("the edit reached the right side").startsWith("# tuned in review\n");
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(study.store().patches().get(patch.id()).status()).isEqualTo(PatchStatus.SUPERSEDED);
        Patch edit = study.store().patches().forIdea(patch.ideaId()).getLast();
        assertThat(edit.author()).isEqualTo("catalog+human");
        assertThat(edit.status()).isEqualTo(PatchStatus.PREFLIGHT_OK);
        assertThat(edit.diff()).contains("+# tuned in review");
        assertThat(queue.getItems()).hasSize(1);

        robot.clickOn(queue);
        robot.type(javafx.scene.input.KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(study.store().patches().get(edit.id()).status()).isEqualTo(PatchStatus.APPROVED);
        assertThat(study.store().patches().get(edit.id()).decision().decidedBy()).isEqualTo("ada");
        assertThat(queue.getItems()).as("nothing waits").isEmpty();
        assertThat(robot.lookup("#review-history").queryAs(ListView.class).isVisible()).as("the history instead").isTrue();
        assertThat(robot.lookup("#review-show-decided").queryLabeled().getText()).isEqualTo("Decided (2)");
        assertThat(robot.lookup("#review-decision").queryLabeled().getText()).startsWith("Approved by ada on ");
    }

    @Test
    void rAsksForTheReasonEnterRejectsWithItAndEscCancels(FxRobot robot) throws Exception {
        ReviewStudy fixture = new ReviewStudy(temp);
        settings = fixture.settings;
        study = fixture.study;
        Patch patch = fixture.waiting("Heavy-ball momentum", "momentum");
        MainViewModel vm = new MainViewModel(new FakeStudies().with(study), new SameThreadTaskExecutor(), Theme.LIGHT,
                FixedDesks.review(fixture.review), "ada");
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new MainView(vm).root(), 960, 640));
            stage.show();
            vm.openStudy(study.dir());
            vm.pageProperty().set(Page.REVIEW);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> queue = robot.lookup("#review-queue").queryAs(ListView.class);
        TextField comment = robot.lookup("#review-comment").queryAs(TextField.class);

        // A reason typed and Enter pressed without r: nothing is decided (Approve is the default button elsewhere).
        robot.clickOn(comment).write("Too early to say").type(KeyCode.ENTER);
        assertThat(study.store().patches().get(patch.id()).status()).isEqualTo(PatchStatus.PREFLIGHT_OK);
        WaitForAsyncUtils.asyncFx(comment::clear).get();

        // r: nothing is decided yet; the cursor waits in the comment for the reason.
        robot.clickOn(queue).type(KeyCode.R);
        assertThat(study.store().patches().get(patch.id()).status()).isEqualTo(PatchStatus.PREFLIGHT_OK);
        assertThat(comment.isFocused()).isTrue();
        assertThat(comment.getText()).as("the r typed is a key, not text").isEmpty();
        assertThat(comment.getPromptText()).isEqualTo("Why reject this patch? Enter rejects it, Esc cancels");
        assertThat(comment.getPseudoClassStates()).extracting(Object::toString).contains("rejecting");
        // Enter without a reason: still nothing decided (and not Approve, the default button).
        robot.type(KeyCode.ENTER);
        assertThat(study.store().patches().get(patch.id()).status()).isEqualTo(PatchStatus.PREFLIGHT_OK);
        assertThat(robot.lookup("#review-message").queryLabeled().getText()).startsWith("Say why you reject patch");

        // Esc: back to the queue, nothing decided, and the page's keys work again.
        robot.type(KeyCode.ESCAPE);
        assertThat(comment.getPseudoClassStates()).extracting(Object::toString).doesNotContain("rejecting");
        assertThat(queue.isFocused()).isTrue();
        assertThat(study.store().patches().get(patch.id()).status()).isEqualTo(PatchStatus.PREFLIGHT_OK);

        robot.type(KeyCode.R).write("The schedule already damps the steps.").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Patch rejected = study.store().patches().get(patch.id());
        assertThat(rejected.status()).isEqualTo(PatchStatus.REJECTED);
        assertThat(rejected.decision().comment()).isEqualTo("The schedule already damps the steps.");
        assertThat(rejected.decision().decidedBy()).isEqualTo("ada");
    }

    private static Patch waitingPatch(StudyFolder study) throws Exception {
        String diff = Files.readString(study.dir().resolve("ideas/momentum.diff"));
        Idea idea = implemented(study, study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Heavy-ball momentum", "")));
        StudyCode code = new BaselineCode(study);
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), diff, code.mainCommit(), null, "catalog"));
        StudyCode.Applied applied = code.apply(idea.id(), diff, code.mainCommit());
        study.store().patches().markApplied(patch.id(), applied.report(), applied.cleanDiff(), applied.commit());
        return study.store().patches().markPreflight(patch.id(), true, "compiled train.py");
    }

    /** As the loop leaves an idea whose patch waits at the gate. */
    private static Idea implemented(StudyFolder study, Idea idea) {
        study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
        study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTING);
        return study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTED);
    }
}
