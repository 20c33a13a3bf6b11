package dev.groundwork.views.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.TestWindow;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FixedDesks;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Ideas page in the main window on a real study: the table, approving from it, seeding through the dialog, and
 * the page rendered in both themes. With {@code -Dgroundwork.screenshots=DIR} the pictures are copied to DIR
 * (gw-ideas-light.png, gw-ideas-dark.png).
 */
@ExtendWith(ApplicationExtension.class)
class IdeasPageFxTest {

    @TempDir
    Path temp;

    private IdeasStudy fixture;
    private final TestWindow window = new TestWindow();
    private Idea momentum;

    @BeforeEach
    void open() throws Exception {
        fixture = new IdeasStudy(temp);
        Idea cosine = fixture.propose(IdeaOrigin.CATALOG, "Cosine learning-rate schedule",
                "Decay the learning rate along a half cosine from its initial value to zero over the run.", List.of());
        fixture.finishedRun(cosine, 0.41237);
        fixture.finishedRun(cosine, 0.39871);
        fixture.study.store().ideas().moveTo(cosine.id(), IdeaStatus.APPROVED);
        Idea higher = fixture.propose(IdeaOrigin.LLM_EXPLORE, "Higher learning rate",
                "Double the learning rate; the loss curve suggests the baseline is under-stepping.", List.of());
        fixture.study.store().ideas().moveTo(higher.id(), IdeaStatus.REJECTED);
        fixture.propose(IdeaOrigin.LLM_EXPLOIT, "Cosine schedule with linear warmup",
                "Warm up linearly for the first 5% of steps, then follow the cosine decay of idea 1.", List.of(cosine.id()));
        momentum = fixture.propose(IdeaOrigin.LLM_EXPLORE, "Heavy-ball momentum",
                "Keep a velocity per weight with momentum 0.9 instead of plain gradient steps.", List.of());
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        fixture.close();
    }

    private MainViewModel show(Theme theme, double width, double height) throws Exception {
        MainViewModel vm = new MainViewModel(new FakeStudies().with(fixture.study), new SameThreadTaskExecutor(), theme,
                FixedDesks.inbox(fixture.inbox), "ada");
        window.show(() -> new MainView(vm).root(), width, height);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.IDEAS);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    @Test
    void aProposedIdeaIsApprovedFromTheTable(FxRobot robot) throws Exception {
        show(Theme.LIGHT, 1200, 720);
        TableView<?> table = robot.lookup("#ideas-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(robot.lookup("#idea-detail").tryQuery()).isPresent();

        robot.clickOn("Heavy-ball momentum");
        WaitForAsyncUtils.waitForFxEvents();
        Button approve = robot.lookup("#ideas-approve").queryAs(Button.class);
        assertThat(approve.isDisabled()).isFalse();
        robot.clickOn(approve);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.study.store().ideas().get(momentum.id()).status()).isEqualTo(IdeaStatus.APPROVED);
        assertThat(approve.isDisabled()).as("an approved idea is past the gate").isTrue();
        assertThat(robot.lookup("#ideas-reject").queryAs(Button.class).isDisabled())
                .as("but it can be withdrawn until it runs").isFalse();

        robot.clickOn("#ideas-filter").write("warmup");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
    }

    @Test
    void theWindowsShortcutsAreNeverThePagesKeys(FxRobot robot) throws Exception {
        MainViewModel vm = show(Theme.LIGHT, 1200, 720);
        TableView<?> table = robot.lookup("#ideas-table").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> {
            table.getScene().getWindow().requestFocus();
            table.requestFocus();
            vm.ideas().inbox().selectedProperty().set(vm.ideas().inbox().rows().stream()
                    .filter(row -> row.idea().id() == momentum.id()).findFirst().orElseThrow());
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        // Ctrl+R runs the loop, Ctrl+A selects all: neither rejects nor approves the idea that has the page's focus.
        robot.push(KeyCode.CONTROL, KeyCode.R).push(KeyCode.CONTROL, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.study.store().ideas().get(momentum.id()).status()).isEqualTo(IdeaStatus.PROPOSED);

        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.study.store().ideas().get(momentum.id()).status()).as("r alone rejects it")
                .isEqualTo(IdeaStatus.REJECTED);
    }

    @Test
    void ctrlNOnTheIdeasPageSeedsAnIdeaAndNeverOpensANewStudy(FxRobot robot) throws Exception {
        show(Theme.LIGHT, 1200, 720);
        TableView<?> table = robot.lookup("#ideas-table").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> {
            table.getScene().getWindow().requestFocus();
            table.requestFocus();
        }).get();
        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#wizard-root").tryQuery()).as("File ▸ New study has a key of its own").isEmpty();
        assertThat(robot.lookup("#seed-title").tryQuery()).as("the page's Ctrl+N seeds an idea").isPresent();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        WaitForAsyncUtils.asyncFx(table::requestFocus).get();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizard-root").tryQuery()).as("Ctrl+Shift+N opens New study from any page").isPresent();
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    void anIdeaIsSeededThroughTheDialog(FxRobot robot) throws Exception {
        show(Theme.LIGHT, 1200, 720);
        robot.clickOn("#ideas-seed");
        WaitForAsyncUtils.waitForFxEvents();
        Button ok = robot.lookup("#seed-ok").queryAs(Button.class);
        assertThat(ok.isDisabled()).as("no title yet").isTrue();
        assertThat(robot.lookup("#seed-title-error").queryLabeled().getText()).isEqualTo("An idea needs a title.");
        robot.clickOn("#seed-title").write("Gradient clipping");
        robot.clickOn("#seed-parents").write("99");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#seed-parents-error").queryLabeled().getText()).isEqualTo("There is no idea 99.");
        assertThat(ok.isDisabled()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#seed-parents").queryTextInputControl().setText("1")).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();

        Idea seeded = fixture.study.store().ideas().all().getLast();
        assertThat(seeded.title()).isEqualTo("Gradient clipping");
        assertThat(seeded.origin()).isEqualTo(IdeaOrigin.HUMAN);
        assertThat(seeded.parents()).containsExactly(1L);
        assertThat(robot.lookup("#ideas-table").queryAs(TableView.class).getItems()).hasSize(5);
    }

    @Test
    void thePageRendersInBothThemes(FxRobot robot) throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            MainViewModel vm = show(theme, 1200, 720);
            WaitForAsyncUtils.asyncFx(() -> {
                vm.ideas().inbox().selectedProperty().set(vm.ideas().inbox().rows().get(1));
                vm.ideas().inbox().notesProperty().set("Try together with momentum.");
                robot.lookup("#idea-detail .titled-pane").queryAs(TitledPane.class).setExpanded(true);
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            Path png = window.snapshot(temp, "gw-ideas-" + theme.name().toLowerCase() + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(1200);
            window.close();
        }
    }
}
