package dev.groundwork.views.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
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
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Generating and breeding on the Ideas page in the main window, by mouse and by key, with a small list ideator on a
 * real study (app's {@code IdeasGenerationFxTest} does the same with charlm's real catalog). With
 * {@code -Dgroundwork.screenshots=DIR} the dialogs are pictured there in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class IdeaGenerationFxTest {

    @TempDir
    Path temp;

    private IdeasStudy fixture;
    private Stage stage;
    private Idea cosine;
    private Idea momentum;

    @BeforeEach
    void open() throws Exception {
        fixture = new IdeasStudy(temp);
        cosine = fixture.propose(IdeaOrigin.CATALOG, "Cosine schedule", "Decay the learning rate along a cosine.",
                List.of());
        momentum = fixture.propose(IdeaOrigin.CATALOG, "Heavy-ball momentum", "Momentum 0.9.", List.of());
        fixture.propose(IdeaOrigin.LLM_EXPLORE, "Quintic features", "Fit a quintic.", List.of());
        fixture.finishedRun(cosine, 0.41237);
        fixture.finishedRun(momentum, 0.38);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window instanceof Stage open) {
                    open.close();
                }
            }
        }).get();
        fixture.close();
    }

    private MainViewModel show(Theme theme) throws Exception {
        MainViewModel vm = new MainViewModel(new FakeStudies().with(fixture.study), new SameThreadTaskExecutor(), theme,
                FixedDesks.inbox(fixture.inbox), "ada");
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new MainView(vm).root(), 1200, 720));
            stage.show();
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.IDEAS);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    @Test
    void threeIdeasAreGeneratedThroughTheDialog(FxRobot robot) throws Exception {
        show(Theme.LIGHT);
        TableView<?> table = robot.lookup("#ideas-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);

        robot.clickOn("#ideas-generate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#generate-ideator").queryLabeled().getText()).isEqualTo("list ideator");
        assertThat(robot.lookup("#generate-exploit").queryAs(Node.class).isDisabled()).isTrue();
        Button ok = robot.lookup("#generate-ok").queryAs(Button.class);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#generate-count").queryTextInputControl().setText("80")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#generate-count-error").queryLabeled().getText())
                .isEqualTo("Ask for 1 to 50 ideas at a time.");
        assertThat(ok.isDisabled()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#generate-count").queryTextInputControl().setText("3")).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).hasSize(6);
        assertThat(fixture.study.store().ideas().all()).extracting(Idea::title)
                .contains("Gradient clipping", "Label smoothing", "Weight decay");
        assertThat(robot.lookup(".ideas-message").queryLabeled().getText()).startsWith("Stored 3 new ideas from list"
                + " ideator in epoch 0");
    }

    @Test
    void twoChosenIdeasAreBredByKeyAndTheChildListsBothParents(FxRobot robot) throws Exception {
        MainViewModel vm = show(Theme.LIGHT);
        IdeasInboxViewModel inbox = vm.ideas().inbox();
        Button breed = robot.lookup("#ideas-breed").queryAs(Button.class);
        robot.clickOn("Cosine schedule");
        robot.press(KeyCode.SHIFT).type(KeyCode.UP).release(KeyCode.SHIFT); // and the row above: Heavy-ball momentum
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inbox.selection()).hasSize(2);
        assertThat(breed.isDisabled()).isFalse();

        robot.write("b");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#breed-parents").queryLabeled().getText()).contains("Cosine schedule  ·  reward 0.4124")
                .contains("Heavy-ball momentum  ·  reward 0.3800");
        assertThat(robot.lookup("#breed-problem").queryAs(Node.class).isVisible()).isFalse();
        robot.clickOn("#breed-ok");
        WaitForAsyncUtils.waitForFxEvents();

        Idea child = fixture.study.store().ideas().all().getLast();
        assertThat(child.title()).isEqualTo("Heavy-ball momentum + Cosine schedule");
        assertThat(child.parents()).containsExactlyInAnyOrder(cosine.id(), momentum.id());
        TableView<?> table = robot.lookup("#ideas-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        WaitForAsyncUtils.asyncFx(() -> inbox.selectedProperty().set(inbox.rows().getFirst())).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Bred from " + String.join(", ", child.parents().stream().map(String::valueOf).toList())
                + ".").tryQuery()).isPresent();
    }

    @Test
    void theKeysMoveDecideScoreAndShowTheirSheet(FxRobot robot) throws Exception {
        MainViewModel vm = show(Theme.LIGHT);
        IdeasInboxViewModel inbox = vm.ideas().inbox();
        robot.clickOn("Quintic features");
        WaitForAsyncUtils.waitForFxEvents();

        robot.write("j");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inbox.selectedProperty().get().idea().id()).isEqualTo(momentum.id());
        robot.write("4").write("r");
        WaitForAsyncUtils.waitForFxEvents();
        Idea decided = fixture.study.store().ideas().get(momentum.id());
        assertThat(decided.score()).isEqualTo(4);
        assertThat(decided.status()).isEqualTo(IdeaStatus.REJECTED);

        robot.write("/");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ideas-filter").queryAs(Node.class).isFocused()).isTrue();
        robot.write("ra");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inbox.filterTextProperty().get()).as("typing in the filter is not a key").isEqualTo("ra");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ideas-table").queryAs(Node.class).isFocused()).isTrue();

        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ideas-keys").tryQuery()).isPresent();
        assertThat(robot.lookup("breed from the chosen ideas…").tryQuery()).isPresent();
    }

    @Test
    void theDialogsRenderInBothThemes(FxRobot robot) throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            MainViewModel vm = show(theme);
            WaitForAsyncUtils.asyncFx(() -> vm.ideas().inbox().selection().setAll(vm.ideas().inbox().rows().subList(1, 3)))
                    .get();
            robot.clickOn("#ideas-generate");
            WaitForAsyncUtils.waitForFxEvents();
            picture(robot, "#generate-dialog", "gw-ideas-generate-" + theme.name().toLowerCase() + ".png");
            robot.type(KeyCode.ESCAPE);
            robot.clickOn("#ideas-breed");
            WaitForAsyncUtils.waitForFxEvents();
            picture(robot, "#breed-dialog", "gw-ideas-breed-" + theme.name().toLowerCase() + ".png");
            robot.type(KeyCode.ESCAPE);
            robot.clickOn("Quintic features").write("?");
            WaitForAsyncUtils.waitForFxEvents();
            picture(robot, "#ideas-keys-dialog", "gw-ideas-keys-" + theme.name().toLowerCase() + ".png");
            WaitForAsyncUtils.asyncFx(() -> {
                for (Window window : List.copyOf(Window.getWindows())) {
                    if (window instanceof Stage open) {
                        open.close();
                    }
                }
            }).get();
        }
    }

    private void picture(FxRobot robot, String dialogId, String name) throws Exception {
        DialogPane pane = robot.lookup(dialogId).queryAs(DialogPane.class);
        Path png = temp.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(pane.getScene(), png);
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertThat(png).isNotEmptyFile();
        String target = System.getProperty("groundwork.screenshots");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            Files.copy(png, Path.of(target).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
