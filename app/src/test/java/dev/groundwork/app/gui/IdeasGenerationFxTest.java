package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.app.loop.TestAssemblies;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import dev.groundwork.views.shell.StudyDesks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Ideas page with charlm's real offline catalog, built as the loop builds it, in the window with background
 * threads: g opens Generate, three explore ideas arrive; two ideas that ran are chosen and bred with b, and the new
 * idea combines them with both as parents.
 */
@ExtendWith(ApplicationExtension.class)
class IdeasGenerationFxTest {

    private static final String CONTEXT = "See 10 characters of history instead of 4";
    private static final String HIDDEN = "Double the hidden layer to 512 units";

    @TempDir
    Path temp;

    @Test
    void generateThreeWithTheCatalogThenBreedTwoChosenIdeas(FxRobot robot) throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "charlm").exitCode()).isZero();
        Idea context;
        Idea hidden;
        try (SettingsStore settings = new SettingsStore(temp.resolve("prepare.json"));
             StudyFolder study = library(settings, cli).open(dir)) {
            context = ranIdea(study, CONTEXT, 1.62);
            hidden = ranIdea(study, HIDDEN, 1.71);
        }

        LoopAssembly loops = TestAssemblies.local(temp);
        try (SettingsStore settings = new SettingsStore(temp.resolve("settings.json"));
             BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(new FxUiThread())) {
            MainViewModel vm = new MainViewModel(library(settings, cli), tasks, Theme.LIGHT, new CatalogDesks(loops), "ada");
            Stage[] stage = new Stage[1];
            WaitForAsyncUtils.asyncFx(() -> {
                stage[0] = new Stage();
                stage[0].setScene(new Scene(new MainView(vm).root(), 1200, 720));
                stage[0].show();
                vm.openStudy(dir);
                vm.pageProperty().set(Page.IDEAS);
            }).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#ideas-table").tryQuery().isPresent()
                    && robot.lookup("#ideas-table").queryAs(TableView.class).getItems().size() == 2);
            TableView<?> table = robot.lookup("#ideas-table").queryAs(TableView.class);
            clickTitle(robot, CONTEXT).write("g");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#generate-ideator").tryQuery()
                    .map(label -> "offline catalog".equals(((javafx.scene.control.Label) label).getText())).orElse(false));
            WaitForAsyncUtils.asyncFx(() -> robot.lookup("#generate-count").queryTextInputControl().setText("3")).get();
            robot.clickOn("#generate-ok");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.ideas().inbox().generation().runningProperty().get());
            assertThat(vm.ideas().inbox().rows().subList(0, 3)).allSatisfy(row -> {
                assertThat(row.idea().origin()).isEqualTo(IdeaOrigin.CATALOG);
                assertThat(row.idea().status()).as("charlm's idea gate is auto").isEqualTo(IdeaStatus.APPROVED);
            });

            clickTitle(robot, CONTEXT);
            robot.press(KeyCode.SHIFT).type(KeyCode.UP).release(KeyCode.SHIFT);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.ideas().inbox().selection()).extracting(row -> row.idea().title())
                    .containsExactlyInAnyOrder(CONTEXT, HIDDEN);
            robot.write("b");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#breed-ok").tryQuery().isPresent());
            robot.clickOn("#breed-ok");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

            IdeaInbox.Row child = vm.ideas().inbox().rows().getFirst();
            assertThat(child.idea().title()).isEqualTo("ctx10 + hidden512");
            assertThat(child.idea().parents()).containsExactly(context.id(), hidden.id());
            // The message comes with the task's end, which can be a moment after the table shows the new row.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> vm.ideas().inbox().messageProperty().get().contains("#" + child.idea().id()));
            WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get();
            vm.shutdown();
        }
    }

    /**
     * Clicks the table cell with this title (its tooltip, once shown, holds the same text), once the table has made it:
     * it makes its cells in a layout after its rows arrive or change.
     */
    private static org.testfx.api.FxRobotInterface clickTitle(FxRobot robot, String title) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> titleCells(robot, title).tryQuery().isPresent());
        return robot.clickOn(titleCells(robot, title).<javafx.scene.Node>query());
    }

    private static org.testfx.service.query.NodeQuery titleCells(FxRobot robot, String title) {
        return robot.lookup(".table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(title));
    }

    private static StudyLibrary library(SettingsStore settings, CliRunner cli) {
        return new StudyLibrary(new TemplateCatalog(IdeasGenerationFxTest.class.getClassLoader()), settings, cli.dirs(),
                Clock.systemUTC());
    }

    /** A catalog idea with a finished run that earned {@code reward}. */
    private static Idea ranIdea(StudyFolder study, String title, double reward) {
        Idea idea = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, title, "", List.of(), null));
        Run run = study.store().runs().queue(new NewRun(null, idea.id(), 0, Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid-" + run.id(), Reproducibility.none());
        study.store().runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
        return study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
    }

    /** The window's inbox with the study's own ideator, as WindowDesks gives it. */
    private record CatalogDesks(LoopAssembly loops) implements StudyDesks {
        @Override
        public Optional<IdeaInbox> inbox(Study study) {
            return study instanceof StudyFolder folder
                    ? Optional.of(new IdeaInbox(folder, loops.humanPatches(folder), new WindowIdeator(loops, folder)))
                    : Optional.empty();
        }

        @Override
        public Optional<PatchReview> review(Study study) {
            return Optional.empty();
        }
    }
}
