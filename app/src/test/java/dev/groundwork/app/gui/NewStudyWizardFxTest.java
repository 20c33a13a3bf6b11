package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.newstudy.WizardStep;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A study from a researcher's own training script, made in the window: the start screen's New study → type the folder
 * → leave a file out → test-run the baseline (a real python3 process) → pick the reward → name it → Create; the study
 * opens on Ideas with its seed prompt, and its first loop runs the baseline. Each step is rendered to PNG
 * ({@code -Dgroundwork.screenshots=DIR} keeps them) to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class NewStudyWizardFxTest {

    @TempDir
    Path temp;

    @Test
    void fromOwnCodeToTheFirstLoop(FxRobot robot) throws Exception {
        // A researcher's folder: the minimal template's training script and evaluation as plain files, and a scratch file.
        Path template = Files.createDirectories(temp.resolve("template"));
        new TemplateCatalog(getClass().getClassLoader()).copy("minimal", template);
        Path code = Files.createDirectories(temp.resolve("regression"));
        for (String file : new String[] {"train.py", "evaluate.py"}) {
            Files.copy(template.resolve("baseline").resolve(file), code.resolve(file));
        }
        Files.writeString(code.resolve("scratch.py"), "# notes to self, not part of the training\nprint('scratch')\n");
        Path studies = Files.createDirectories(temp.resolve("studies"));
        Path shots = Files.createDirectories(temp.resolve("shots"));

        try (WindowFixture window = new WindowFixture(temp.resolve("home"), Optional.empty(), 1000, 700)) {
            MainViewModel vm = window.vm;
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#start-pane").query().isVisible()).as("the start screen, no study open").isTrue();
            robot.clickOn("#start-new");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wizard-root").tryQuery().isPresent());
            Labeled reason = robot.lookup("#wizard-reason").queryLabeled();
            assertThat(reason.getText()).isEqualTo("Type or choose the folder that holds your training code.");
            assertThat(robot.lookup("#wizard-next").query().isDisabled()).isTrue();

            // 1. The folder: one that holds no code is refused with what to do; then the code's, typed.
            Path notes = Files.createDirectories(temp.resolve("notes"));
            Files.writeString(notes.resolve("todo.txt"), "try a bigger model\n");
            TextInputControl path = robot.lookup("#source-path").queryAs(TextInputControl.class);
            robot.interact(() -> path.setText(notes.toString()));
            awaitReason(reason, notes + " holds no source code (no .py, .c, .cu, … files, Makefile or run.sh); name the"
                    + " folder that holds your training program.");
            assertThat(robot.lookup("#wizard-next").query().isDisabled()).isTrue();
            shot(robot, shots, "wizard-1-not-code.png");
            robot.interact(() -> path.setText(""));
            robot.clickOn("#source-path").write(code.toString());
            awaitReason(reason, "");
            shot(robot, shots, "wizard-1-folder.png");
            robot.clickOn("#wizard-next");

            // 2. The files: the scratch file is left out.
            assertStep(vm, robot, WizardStep.FILES);
            ComboBox<?> scratch = robot.lookup(".files-role").match(node -> "files-role-scratch.py".equals(node.getId()))
                    .queryAs(ComboBox.class);
            robot.clickOn(scratch);
            robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("left out"))
                    .match(Node::isVisible).queryLabeled());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#files-size").queryLabeled().getText()).startsWith("The implementer sees 1 editable"
                    + " file");
            awaitReason(reason, "");
            shot(robot, shots, "wizard-2-files.png");
            robot.clickOn("#wizard-next");

            // 3. How a run starts, as detected.
            assertStep(vm, robot, WizardStep.RUN);
            assertThat(robot.lookup("#run-command").queryAs(TextInputControl.class).getText()).isEqualTo("python3 train.py");
            awaitReason(reason, "");
            shot(robot, shots, "wizard-3-run.png");
            robot.clickOn("#wizard-next");

            // 4. The test run: a real process, its lines and metrics as they come.
            assertStep(vm, robot, WizardStep.TEST);
            assertThat(reason.getText()).isEqualTo("Test-run the baseline to see which metrics it prints.");
            robot.clickOn("#test-start");
            TableView<?> metrics = robot.lookup("#test-metrics").queryAs(TableView.class);
            awaitReason(reason, "");
            assertThat(metrics.getItems()).hasSize(2);
            assertThat(robot.lookup("#test-status").queryLabeled().getText()).startsWith("Saw 7 metric lines (train_loss,"
                    + " val_loss");
            shot(robot, shots, "wizard-4-test-run.png");
            robot.clickOn("#wizard-next");

            // 5. The reward: val_loss proposed; a valid range typed.
            assertStep(vm, robot, WizardStep.REWARD);
            assertThat(robot.lookup("#reward-metric").queryAs(ComboBox.class).getValue()).isEqualTo("val_loss");
            robot.clickOn("#reward-low").write("0");
            assertThat(reason.getText()).isEqualTo("Give both ends of the valid range, or neither.");
            robot.clickOn("#reward-high").write("100");
            awaitReason(reason, "");
            shot(robot, shots, "wizard-5-reward.png");
            robot.clickOn("#wizard-next");

            // 6. Name and folder, then Create.
            assertStep(vm, robot, WizardStep.CREATE);
            TextInputControl location = robot.lookup("#create-location").queryAs(TextInputControl.class);
            robot.interact(() -> location.setText(studies.toString()));
            robot.doubleClickOn("#create-name").eraseText(20).write("sine fit");
            awaitReason(reason, "");
            shot(robot, shots, "wizard-6-create.png");
            robot.clickOn("#wizard-create");

            // The study opens on Ideas, with the seed prompt's title field focused.
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.statusProperty().get() != null
                    && "sine fit".equals(vm.studyNameProperty().get()));
            assertThat(vm.pageProperty().get()).isEqualTo(Page.IDEAS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#seed-title").tryQuery().isPresent());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#seed-title").query().isFocused());
            assertThat(robot.lookup("#wizard-root").tryQuery()).as("the New Study window closed")
                    .matches(found -> found.isEmpty() || found.get().getScene().getWindow() == null
                            || !found.get().getScene().getWindow().isShowing());
            shot(robot, shots, "wizard-7-seed.png");
            robot.push(KeyCode.ESCAPE);

            // Its first loop: the baseline runs and is scored.
            robot.push(KeyCode.CONTROL, KeyCode.R);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.loop().noticeProperty().get() != null
                    && !vm.loop().runningProperty().get());
        }
        Path dir = studies.resolve("sine-fit");
        try (SettingsStore settings = new SettingsStore(temp.resolve("inspect.json"));
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings,
                     new CliRunner(temp.resolve("home")).dirs(), Clock.systemUTC()).open(dir)) {
            assertThat(study.name()).isEqualTo("sine fit");
            assertThat(study.baseline().dir().resolve("scratch.py")).as("left out").doesNotExist();
            assertThat(study.spec().baseline().isProtected("evaluate.py")).isTrue();
            assertThat(study.spec().reward().valid()).isPresent();
            assertThat(study.store().runs().all()).anySatisfy(run -> {
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(run.reward()).isNotNull();
            });
        }
    }

    private static void awaitReason(Labeled reason, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> reason.getText().equals(expected));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertStep(MainViewModel vm, FxRobot robot, WizardStep step) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizard-heading").queryLabeled().getText()).isEqualTo(step.heading());
    }

    /** The window the node of that id is in, rendered to PNG. */
    private static void shot(FxRobot robot, Path dir, String name) throws Exception {
        Scene scene = robot.lookup(name.equals("wizard-7-seed.png") ? "#seed-dialog" : "#wizard-root").query().getScene();
        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(scene, dir.resolve(name));
            return null;
        }).get(10, TimeUnit.SECONDS);
        String keep = System.getProperty("groundwork.screenshots");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(dir.resolve(name), Path.of(keep).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
