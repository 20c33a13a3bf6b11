package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's own loop on a real study: Run the loop stops at the manual patch gate and shows Review, the patches are
 * approved there, Run the loop again runs them, and the Runs page lists the runs with their curves.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLoopFxTest {

    @TempDir
    Path temp;

    @Test
    void runTheLoopReviewThePatchesRunThemAndWatchTheRuns(FxRobot robot) throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();

        try (WindowFixture window = new WindowFixture(temp.resolve("home"), dir, 960, 640)) {
            MainViewModel vm = window.vm;

            WaitForAsyncUtils.asyncFx(() -> vm.loop().start()).get();
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.loop().runningProperty().get());
            WaitForAsyncUtils.waitForFxEvents(); // the loop's end is handled in one FX turn; read its outcome after it
            assertThat(vm.loop().messageProperty().get()).startsWith("Epoch 0 waits for review: 2 patches.");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#review-queue").tryQuery().isPresent());
            ListView<?> queue = robot.lookup("#review-queue").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> queue.getItems().size() == 2);

            for (int i = 0; i < 2; i++) {
                int left = 2 - i;
                WaitForAsyncUtils.asyncFx(() -> vm.review().queue().approve()).get();
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> queue.getItems().size() == left - 1);
            }

            WaitForAsyncUtils.asyncFx(() -> vm.loop().start()).get();
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.loop().runningProperty().get());
            assertThat(vm.loop().messageProperty().get()).startsWith("Epoch 1 waits for review");

            WaitForAsyncUtils.asyncFx(() -> vm.pageProperty().set(Page.RUNS)).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runs-table").tryQuery().isPresent());
            TableView<?> runs = robot.lookup("#runs-table").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.getItems().size() == 3);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runs-log").tryQuery()
                    .map(log -> !((org.fxmisc.richtext.CodeArea) log).getText().isEmpty()).orElse(false));

        }
        try (SettingsStore settings = new SettingsStore(temp.resolve("inspect.json"));
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(),
                     Clock.systemUTC()).open(dir)) {
            assertThat(study.store().patches().withStatus(PatchStatus.APPROVED)).hasSize(2)
                    .allSatisfy(patch -> assertThat(patch.decision().decidedBy()).isEqualTo("ada"));
            assertThat(study.store().runs().all()).hasSize(3).allMatch(run -> run.status().isFinal());
            assertThat(study.store().runs().all()).filteredOn(run -> run.status() == RunStatus.SUCCEEDED).hasSizeGreaterThan(1);
        }
    }
}
