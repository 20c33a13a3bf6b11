package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The researcher's main flow in the window, driven by the robot on a real study with real runs: seed an idea → approve
 * it → Run the loop → its patch waits in Review → edit a line on the right side → approve the edit → Run the loop → the
 * run is queued and runs → its log and curve show on the Runs page. No terminal.
 */
@ExtendWith(ApplicationExtension.class)
class WindowMainFlowFxTest {

    @TempDir
    Path temp;

    /** The node of that id in the window (a page not shown keeps its nodes, outside any scene). */
    private static javafx.scene.Node shown(FxRobot robot, String query) {
        return robot.lookup(query).match(node -> ((javafx.scene.Node) node).getScene() != null).query();
    }

    /** Ctrl+R, then waits until the loop has returned (a short loop may be over before anyone sees it run). */
    private static void runTheLoop(FxRobot robot, MainViewModel vm) throws Exception {
        Object before = vm.loop().noticeProperty().get();
        robot.push(KeyCode.CONTROL, KeyCode.R);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.loop().noticeProperty().get() != before
                && !vm.loop().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void seedApproveReviewEditApproveRunAndWatch(FxRobot robot) throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        Path spec = dir.resolve(StudyFolder.SPEC_FILE);
        Files.writeString(spec, Files.readString(spec)
                .replaceAll("gates: \\{[^}]*}", "gates: { idea: manual, patch: manual, launch: auto }")
                .replaceAll("epochs: 2, ideas_per_epoch: 2", "epochs: 1, ideas_per_epoch: 1"));

        try (WindowFixture window = new WindowFixture(temp.resolve("home"), dir, 1200, 760)) {
            MainViewModel vm = window.vm;

            // Seed an idea from the Ideas page.
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#ideas-seed").tryQuery().isPresent());
            robot.clickOn("#ideas-seed");
            // The offline catalog implements only the ideas it knows: the title field suggests them as you type.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#seed-hint").queryLabeled().getText()
                    .startsWith("The offline catalog writes patches only for the 6 ideas it knows"));
            robot.clickOn("#seed-title").write("momen");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".auto-complete-popup").tryQuery().isPresent());
            robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#seed-title").queryTextInputControl().getText()).isEqualTo("Heavy-ball momentum");
            assertThat(robot.lookup("#seed-text").queryTextInputControl().getText()).as("the idea's text comes with it")
                    .startsWith("[Experiment] Add momentum 0.9");
            robot.clickOn("#seed-ok");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#ideas-table").tryQuery()
                    .map(table -> ((TableView<?>) table).getItems().size() == 1).orElse(false));

            // Approve it at the idea gate.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-cell")
                    .match(org.testfx.matcher.control.LabeledMatchers.hasText("Heavy-ball momentum"))
                    .match(node -> ((javafx.scene.Node) node).getScene() != null).tryQuery().isPresent());
            robot.clickOn(robot.lookup(".table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(
                    "Heavy-ball momentum")).match(node -> ((javafx.scene.Node) node).getScene() != null).queryLabeled());
            robot.clickOn("#ideas-approve");
            WaitForAsyncUtils.waitForFxEvents();

            // Run the loop (Ctrl+R): baseline, the approved idea implemented, then the patch gate holds it for review.
            runTheLoop(robot, vm);
            assertThat(vm.loop().messageProperty().get()).contains("waits for review");
            assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#review-queue")
                    .match(node -> ((javafx.scene.Node) node).getScene() != null).tryQuery()
                    .map(queue -> ((ListView<?>) queue).getItems().size() == 1).orElse(false));

            // Edit a line on the right side, save it as a new attempt (Ctrl+S), approve the edit (a).
            robot.clickOn(shown(robot, "#review-queue"));
            robot.type(KeyCode.E);
            WaitForAsyncUtils.waitForFxEvents();
            CodeArea right = robot.lookup(".diff-right").queryAs(CodeArea.class);
            WaitForAsyncUtils.asyncFx(() -> {
                int at = right.getText().indexOf("STEPS = 60");
                right.replaceText(at, at + "STEPS = 60".length(), "STEPS = 90");
            }).get();
            javafx.scene.control.Labeled message = (javafx.scene.control.Labeled) shown(robot, "#review-message");
            String before = message.getText();
            robot.push(KeyCode.CONTROL, KeyCode.S);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !message.getText().equals(before));
            assertThat(message.getText()).doesNotContain("not saved").doesNotContain("Nothing changed");
            robot.clickOn(shown(robot, "#review-queue"));
            robot.type(KeyCode.A);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Approved patch"));

            // Run the loop again: the approved patch's run is queued and runs; the Runs page shows its log and curve.
            runTheLoop(robot, vm);
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runs-table").tryQuery()
                    .map(table -> ((TableView<?>) table).getItems().size() == 2).orElse(false));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#runs-table .table-cell")
                    .match(org.testfx.matcher.control.LabeledMatchers.hasText("Heavy-ball momentum")).tryQuery().isPresent());
            robot.clickOn(robot.lookup("#runs-table .table-cell")
                    .match(org.testfx.matcher.control.LabeledMatchers.hasText("Heavy-ball momentum")).queryLabeled());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runs-log").tryQuery()
                    .map(log -> ((CodeArea) log).getText().contains("val_loss")).orElse(false));
            CurveChart curve = robot.lookup("#runs-curve").queryAs(CurveChart.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !curve.curves().isEmpty()
                    && curve.curves().getFirst().size() > 1);

        }
        try (SettingsStore settings = new SettingsStore(temp.resolve("inspect.json"));
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(),
                     Clock.systemUTC()).open(dir)) {
            Idea seeded = study.store().ideas().all().stream().filter(idea -> idea.origin() == IdeaOrigin.HUMAN)
                    .findFirst().orElseThrow();
            List<Patch> attempts = study.store().patches().forIdea(seeded.id());
            assertThat(attempts).extracting(Patch::status).containsExactly(PatchStatus.SUPERSEDED, PatchStatus.APPROVED);
            Patch edited = attempts.getLast();
            assertThat(edited.author()).isEqualTo("catalog+human");
            assertThat(edited.diff()).contains("+STEPS = 90");
            assertThat(edited.decision().decidedBy()).isEqualTo("ada");
            List<Run> runs = study.store().runs().forPatch(edited.id());
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(run.reward()).isNotNull();
            });
        }
    }
}
