package dev.groundwork.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FixedDesks;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Review page's attempts and history on a real study: an edit compared with its original, then rejected and read back. */
@ExtendWith(ApplicationExtension.class)
class ReviewHistoryFxTest {

    @TempDir
    Path temp;

    private ReviewStudy fixture;
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (stage != null) {
                stage.close();
            }
        }).get();
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anEditIsComparedWithItsOriginalThenRejectedAndReadBackFromTheHistory(FxRobot robot) throws Exception {
        fixture = new ReviewStudy(temp);
        Patch original = fixture.waiting("Heavy-ball momentum", "momentum");
        MainViewModel vm = new MainViewModel(new FakeStudies().with(fixture.study), new SameThreadTaskExecutor(), Theme.LIGHT,
                FixedDesks.review(fixture.review), "ada");
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new MainView(vm).root(), 980, 680));
            stage.show();
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.REVIEW);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        // The reviewer edits one line of the waiting patch and saves it: attempt 2.
        ListView<?> queue = robot.lookup("#review-queue").queryAs(ListView.class);
        robot.clickOn(queue);
        robot.type(KeyCode.E);
        CodeArea right = robot.lookup(".diff-right").queryAs(CodeArea.class);
        // Letters typed into the code are code, not the page's keys.
        robot.type(KeyCode.A).type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.study.store().patches().get(original.id()).status()).isEqualTo(PatchStatus.PREFLIGHT_OK);
        WaitForAsyncUtils.asyncFx(() -> {
            int line = right.getText().indexOf("MOMENTUM = 0.9");
            right.replaceText(line, line + "MOMENTUM = 0.9".length(), "MOMENTUM = 0.8  # tuned in review");
        }).get();
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> attempts = robot.lookup("#review-attempts").queryAs(ListView.class);
        assertThat(attempts.getItems()).hasSize(2);

        // c: attempt 1 on the left, attempt 2 on the right, read-only, one change: the edited line.
        robot.clickOn(queue);
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#review-caption").queryLabeled().getText())
                .isEqualTo("Attempt 1 (catalog) on the left, attempt 2 (catalog+human) on the right");
        CodeArea left = robot.lookup(".diff-left").queryAs(CodeArea.class);
        CodeArea compared = robot.lookup(".diff-right").queryAs(CodeArea.class);
        assertThat(compared.getText()).contains("MOMENTUM = 0.8  # tuned in review").doesNotContain("MOMENTUM = 0.9");
        assertThat(left.getText()).contains("MOMENTUM = 0.9").doesNotContain("# tuned in review");
        assertThat(compared.isEditable()).isFalse();
        assertThat(robot.lookup(".diff-hunk-count").queryLabeled().getText()).isEqualTo("1 change");
        assertThat(robot.lookup("#review-compare").queryButton().getText()).isEqualTo("Back to the patch (c)");
        screenshot("gw-review-compare.png");

        // Back to the patch; reject it with a reason (r asks for it, Enter rejects).
        robot.type(KeyCode.C);
        robot.type(KeyCode.R).write("Keep 0.9; the schedule already damps it.").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Patch edit = fixture.study.store().patches().forIdea(original.ideaId()).getLast();
        assertThat(edit.status()).isEqualTo(PatchStatus.REJECTED);

        // Nothing waits: the history, newest first, with who rejected it and why; the patch opens read-only.
        ListView<?> history = robot.lookup("#review-history").queryAs(ListView.class);
        assertThat(history.isVisible()).isTrue();
        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queue.isVisible()).as("h: the waiting list").isTrue();
        robot.clickOn("#review-show-decided");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(history.isVisible()).as("Decided clicked: the history").isTrue();
        assertThat(robot.lookup("#review-show-decided").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(history.getItems()).extracting(entry -> ((PatchReview.Decided) entry).item().patchId())
                .containsExactly(edit.id(), original.id());
        assertThat(robot.from(history).lookup("Keep 0.9; the schedule already damps it.").tryQuery()).isPresent();
        assertThat(robot.lookup("#review-decision").queryLabeled().getText())
                .startsWith("Rejected by ada on ").endsWith(": Keep 0.9; the schedule already damps it.");
        assertThat(robot.lookup(".diff-right").queryAs(CodeArea.class).isEditable()).isFalse();
        assertThat(robot.lookup(".diff-right").queryAs(CodeArea.class).getText()).contains("# tuned in review");
        assertThat(robot.lookup("#review-approve").query().getParent().isVisible()).as("no decisions on a decided patch").isFalse();
        screenshot("gw-review-history.png");
    }

    /** With {@code -Dgroundwork.screenshots=DIR}, the page as it is now, to be looked at. */
    private void screenshot(String name) throws Exception {
        String target = System.getProperty("groundwork.screenshots");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            WaitForAsyncUtils.asyncFx(() -> {
                PngSnapshots.write(stage.getScene(), Path.of(target).resolve(name));
                return null;
            }).get();
        }
    }
}
