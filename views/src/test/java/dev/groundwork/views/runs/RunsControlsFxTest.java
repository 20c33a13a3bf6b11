package dev.groundwork.views.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.beans.property.SimpleObjectProperty;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs page's controls, slot map and live log, headless, on a real study with a run control that queues through
 * the store; rendered in both themes to /tmp/gw-runs-controls-light.png and -dark.png (or {@code -Dgroundwork.screenshots}).
 */
@ExtendWith(ApplicationExtension.class)
class RunsControlsFxTest {

    @TempDir
    Path temp;

    private RunsStudy fixture;
    private StoreRunControl control;
    private RunsViewModel page;
    private Stage stage;
    private Run baseline;
    private Run succeeded;
    private Run crashed;
    private Run running;

    @BeforeEach
    void open() throws Exception {
        fixture = new RunsStudy(temp);
        String trainLog = IntStream.range(0, 60).mapToObj(i -> String.format("{\"step\": %d, \"train_loss\": %.4f,"
                + " \"val_loss\": %.4f}", i * 10, 2.0 * Math.exp(-i / 20.0) + 0.4, 2.1 * Math.exp(-i / 20.0) + 0.45))
                .collect(Collectors.joining("\n", "", "\n"));
        baseline = fixture.succeeded(fixture.running(null, 0, trainLog, 600, step -> 2.1 * Math.exp(-step / 200.0) + 0.45)
                .id(), 0.5612);
        Idea cosine = fixture.idea("Cosine learning-rate schedule");
        succeeded = fixture.succeeded(fixture.running(cosine, 1, trainLog, 600, step -> 2.0 * Math.exp(-step / 180.0)
                + 0.42).id(), 0.5214);
        crashed = fixture.failed(fixture.running(fixture.idea("Huge learning rate"), 1, "Traceback (most recent call"
                + " last):\nFloatingPointError: loss is nan\n", 3, step -> 9).id(), FailureClass.CODE);
        Idea warmup = fixture.idea("Linear warmup then cosine decay");
        Patch patch = fixture.patch(warmup);
        running = fixture.running(patch, warmup, 1, trainLog.lines().limit(24).collect(Collectors.joining("\n", "", "\n")),
                240, step -> 2.0 * Math.exp(-step / 150.0) + 0.4);
        control = new StoreRunControl(fixture.study, 2);
        control.occupy(0, running.id());
        SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
        page = new RunsViewModel(study, new SimpleObjectProperty<StudyStatus>(), new SameThreadTaskExecutor(),
                s -> Optional.of(fixture.monitor), s -> Optional.of(control));
        WaitForAsyncUtils.asyncFx(() -> study.set(fixture.study)).get();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (stage != null) {
                stage.close();
            }
        }).get();
        fixture.close();
    }

    private void show(Theme theme) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            Scene scene = new Scene(new RunsView(page).root(), 1200, 800);
            scene.getStylesheets().setAll(theme.stylesheets());
            stage.setScene(scene);
            stage.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Selects the run of the idea titled so as a click on its row does, through the table and with the table focused:
     * a robot click on a row's text now and then misses on the headless platform when the page re-reads its rows
     * under the pointer (what these tests check is what the page does with a selection).
     */
    private static void select(FxRobot robot, String title) throws Exception {
        TableView<RunMonitor.Row> table = robot.lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.asyncFx(() -> {
            int index = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).title().equals(title)) {
                    index = i;
                }
            }
            assertThat(index).as("a run of " + title).isNotNegative();
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts the keyboard focus in the table without a click, which would select whichever row lies under the pointer. */
    private static void focusTable(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.asyncFx(table::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RunMonitor.Row selected() {
        return page.monitor().selectedProperty().get();
    }

    @Test
    void retryAndRunAgainQueueRunsThatShowSelectedAndARepeatIsTagged(FxRobot robot) throws Exception {
        show(Theme.LIGHT);
        Button retry = robot.lookup("#runs-retry").queryButton();
        Button again = robot.lookup("#runs-run-again").queryButton();
        Button cancel = robot.lookup("#runs-cancel").queryButton();
        assertThat(selected().run().id()).as("the newest run").isEqualTo(running.id());
        assertThat(List.of(cancel.isDisabled(), retry.isDisabled(), again.isDisabled())).containsExactly(false, true, true);

        select(robot, "Huge learning rate");
        assertThat(retry.isDisabled()).isFalse();
        robot.clickOn(retry);
        WaitForAsyncUtils.waitForFxEvents();
        Run queued = selected().run();
        assertThat(queued.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(queued.patchId()).isEqualTo(crashed.patchId());
        assertThat(robot.lookup("#runs-action-message").queryAs(Label.class).getText())
                .isEqualTo("Run " + queued.id() + " is queued: a retry of run " + crashed.id() + ".");

        select(robot, "Cosine learning-rate schedule");
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected().repeatOf()).isEqualTo(succeeded.id());
        assertThat(robot.lookup(".run-repeat-tag").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("repeat of #" + succeeded.id());
        assertThat(control.calls).containsExactly("retry " + crashed.id(), "run again " + succeeded.id());
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(6);
    }

    @Test
    void theSlotMapShowsEachSlotAndABusyOneLeadsToItsRunWhichCanBeCancelled(FxRobot robot) throws Exception {
        show(Theme.LIGHT);
        Node host = robot.lookup("#runs-host-local").query();
        assertThat(robot.from(host).lookup(".runs-host-summary").queryAs(Label.class).getText())
                .isEqualTo("2 slots · CPU · 1 busy");
        assertThat(robot.from(host).lookup(".runs-slot-run").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("#" + running.id() + " · " + RunsMonitorViewModel.elapsed(running,
                        page.monitor().nowProperty().get()), "free");

        select(robot, "Cosine learning-rate schedule");
        robot.clickOn(robot.lookup("#runs-slot-local-0").queryAs(Node.class));
        assertThat(selected().run().id()).isEqualTo(running.id());
        focusTable(robot);
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected().run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(robot.lookup("#runs-action-message").queryAs(Label.class).getText())
                .isEqualTo("Run " + running.id() + " is cancelled; it will not run.");
    }

    @Test
    void theLogIsSearchedMatchByMatchAndFindingStopsFollowing(FxRobot robot) throws Exception {
        show(Theme.LIGHT);
        CodeArea log = robot.lookup("#runs-log").queryAs(CodeArea.class);
        assertThat(log.getParagraphs()).hasSize(24);
        ToggleButton follow = robot.lookup("#runs-log-follow").queryAs(ToggleButton.class);
        assertThat(follow.isSelected()).isTrue();

        focusTable(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        TextField search = robot.lookup("#runs-log-search").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        robot.write("\"step\": 1");
        Label count = robot.lookup("#runs-log-count").queryAs(Label.class);
        assertThat(count.getText()).as("steps 10 and 100 to 190").isEqualTo("11 matches");
        robot.type(KeyCode.ENTER);
        assertThat(count.getText()).isEqualTo("1 of 11");
        assertThat(follow.isSelected()).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(count.getText()).isEqualTo("2 of 11");
        int line = page.monitor().log().matchesProperty().get().get(1).line();
        assertThat(log.getCurrentParagraph()).isEqualTo(line);
        assertThat(log.getStyleOfChar(log.getAbsolutePosition(line, 2))).containsExactly("log-match-current");
        int other = page.monitor().log().matchesProperty().get().get(0).line();
        assertThat(log.getStyleOfChar(log.getAbsolutePosition(other, 2))).containsExactly("log-match");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(count.getText()).isEqualTo("1 of 11");
        robot.type(KeyCode.ESCAPE);
        assertThat(count.getText()).isEmpty();
        assertThat(log.getStyleOfChar(log.getAbsolutePosition(other, 2))).isEmpty();
    }

    @Test
    void thePageRendersInBothThemes() throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            show(theme);
            WaitForAsyncUtils.asyncFx(() -> page.monitor().log().queryProperty().set("val_loss")).get();
            WaitForAsyncUtils.waitForFxEvents();
            Path png = Path.of(System.getProperty("groundwork.screenshots", "/tmp"))
                    .resolve("gw-runs-controls-" + theme.name().toLowerCase() + ".png");
            WaitForAsyncUtils.asyncFx(() -> {
                PngSnapshots.write(stage.getScene(), png);
                return null;
            }).get(10, TimeUnit.SECONDS);
            assertThat(png).isNotEmptyFile();
            WaitForAsyncUtils.asyncFx(() -> stage.close()).get();
        }
    }
}
