package dev.groundwork.views.newstudy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.common.ThemeStylesheets;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The New Study window by keyboard, in the dark theme: the files step's role keys and Next following the reason. */
@ExtendWith(ApplicationExtension.class)
class NewStudyWizardViewFxTest {

    @TempDir
    Path temp;

    private final TestWindow window = new TestWindow();
    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(new FxUiThread());

    @AfterEach
    void close() throws Exception {
        window.close();
        WaitForAsyncUtils.asyncFx(tasks::close).get();
    }

    @Test
    void rolesByKeyAndNextFollowsTheReason(FxRobot robot) throws Exception {
        Path code = Files.createDirectories(temp.resolve("code"));
        Files.writeString(code.resolve("train.py"), "import json\nprint(json.dumps({'step': 1, 'val_loss': 2.0}))\n");
        Files.writeString(code.resolve("eval_data.py"), "DATA = [1, 2, 3]\n");
        NewStudyWizardViewModel vm = WaitForAsyncUtils.asyncFx(() -> new NewStudyWizardViewModel(new FakeStudies(),
                tasks, new NewStudyPorts(Optional.of(new ScriptedTarget()), System.getenv("PATH"), 0),
                FXCollections.observableArrayList(), temp, study -> { })).get();
        window.show(() -> {
            NewStudyWizardView view = new NewStudyWizardView(vm);
            ThemeStylesheets.apply(view.root(), Theme.DARK);
            return view.root();
        }, 920, 640);
        Labeled reason = robot.lookup("#wizard-reason").queryLabeled();

        robot.clickOn("#source-path").write(code.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reason.getText().isEmpty());
        robot.type(KeyCode.ENTER); // Next is the default button
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.stepProperty().get() == WizardStep.FILES);

        TreeView<?> tree = robot.lookup("#files-tree").queryAs(TreeView.class);
        robot.clickOn(robot.lookup(".file-name").match(node -> "train.py".equals(((Labeled) node).getText()))
                .queryLabeled());
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reason.getText()).isEqualTo("Make at least one file editable: the implementer can only change"
                + " editable files.");
        assertThat(robot.lookup("#wizard-next").query().isDisabled()).isTrue();
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reason.getText()).isEmpty();
        assertThat(robot.lookup("#wizard-next").query().isDisabled()).isFalse();

        robot.clickOn(robot.lookup(".file-name").match(node -> "code".equals(((Labeled) node).getText()))
                .queryLabeled());
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.files().leftOut()).as("the top folder's key set every file").containsExactlyInAnyOrder(
                "train.py", "eval_data.py");
        robot.type(KeyCode.P);
        robot.clickOn(robot.lookup(".file-name").match(node -> "train.py".equals(((Labeled) node).getText()))
                .queryLabeled());
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.files().protectedPaths()).containsExactly("eval_data.py");
        assertThat(vm.files().editable()).containsExactly("train.py");
        assertThat(tree.getRoot().getChildren()).hasSize(2);
        window.snapshot(temp, "wizard-files-dark.png");
    }
}
