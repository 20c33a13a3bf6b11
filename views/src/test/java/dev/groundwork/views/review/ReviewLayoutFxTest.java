package dev.groundwork.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.patch.Patch;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FixedDesks;
import dev.groundwork.views.fakes.TestWindow;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What surrounds the diff on the Review page: the idea's text above it. */
@ExtendWith(ApplicationExtension.class)
class ReviewLayoutFxTest {

    private static final String WHY = "[Experiment] Plain SGD follows each noisy minibatch gradient; heavy-ball momentum"
            + " keeps a running velocity so that steps along consistent directions grow and oscillating ones cancel,"
            + " which should reach a lower validation loss in the same number of steps. [Code Changes] train.py: keep a"
            + " velocity per weight, MOMENTUM = 0.9, and step along the velocity instead of the raw gradient. [End]";

    @TempDir
    Path temp;

    private final TestWindow window = new TestWindow();
    private ReviewStudy fixture;
    private MainViewModel vm;

    @AfterEach
    void close() throws Exception {
        window.close();
        if (fixture != null) {
            fixture.close();
        }
    }

    private void open(double width, double height) throws Exception {
        vm = new MainViewModel(new FakeStudies().with(fixture.study), new SameThreadTaskExecutor(), Theme.LIGHT,
                FixedDesks.review(fixture.review), "ada");
        window.show(() -> new MainView(vm).root(), width, height);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.REVIEW);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theIdeaIsReadAboveItsCodeWrappedToTheWidthAndFoldsAwayWithI(FxRobot robot) throws Exception {
        fixture = new ReviewStudy(temp);
        fixture.waiting("Heavy-ball momentum", WHY, "momentum");
        fixture.waiting("Higher learning rate", "[Experiment] Twice the step size. [Code Changes] LR = 0.2. [End]",
                "higher-lr");
        open(960, 680);

        TitledPane idea = robot.lookup("#review-idea").queryAs(TitledPane.class);
        TextArea text = robot.lookup("#review-idea-text").queryAs(TextArea.class);
        assertThat(idea.isVisible()).isTrue();
        assertThat(idea.isExpanded()).isTrue();
        assertThat(idea.getText()).matches("Idea #\\d+ · Heavy-ball momentum");
        assertThat(text.getText()).startsWith("[Experiment] Plain SGD follows").contains(".\n\n[Code Changes] train.py:")
                .doesNotContain("[End]");
        assertThat(text.isWrapText()).isTrue();
        assertThat(text.isEditable()).isFalse();
        assertThat(robot.from(text).lookup(".scroll-bar:horizontal").<Node>queryAll())
                .as("wrapped to its width: nothing to scroll sideways").noneMatch(Node::isVisible);
        assertThat(text.getWidth()).as("as wide as the code below it")
                .isCloseTo(robot.lookup("#review-diff").query().getLayoutBounds().getWidth(), Offset.offset(12.0));
        window.snapshot(temp, "gw-review-idea.png");

        // Another patch: its idea.
        ListView<?> queue = robot.lookup("#review-queue").queryAs(ListView.class);
        robot.clickOn(queue).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(idea.getText()).endsWith(" · Higher learning rate");
        assertThat(text.getText()).isEqualTo("[Experiment] Twice the step size.\n\n[Code Changes] LR = 0.2.");

        // i folds the text away (more rows of code) and back.
        double codeHeight = robot.lookup("#review-diff").query().getLayoutBounds().getHeight();
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(idea.isExpanded()).isFalse();
        assertThat(robot.lookup("#review-diff").query().getLayoutBounds().getHeight()).isGreaterThan(codeHeight);
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(idea.isExpanded()).isTrue();
    }

    @Test
    void qHidesTheListOfPatchesSoTheCodeGetsItsWidthAndTheButtonShowsItAgain(FxRobot robot) throws Exception {
        fixture = new ReviewStudy(temp);
        fixture.waiting("Heavy-ball momentum", WHY, "momentum");
        open(960, 680);
        ListView<?> queue = robot.lookup("#review-queue").queryAs(ListView.class);
        Node code = robot.lookup("#review-diff").query();
        double narrow = code.getLayoutBounds().getWidth();

        robot.clickOn(queue).type(KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.review().queue().queueHiddenProperty().get()).isTrue();
        assertThat(robot.lookup("#review-sidebar").query().isVisible()).as("the list is hidden").isFalse();
        assertThat(code.getLayoutBounds().getWidth()).as("the code takes the list's width").isGreaterThan(narrow + 200);
        assertThat(robot.lookup("#review-toggle-queue").queryButton().getText()).isEqualTo("Show queue (q)");
        // The keys still work with the list gone: the focus stayed on the page.
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#review-idea").queryAs(TitledPane.class).isExpanded()).isFalse();
        window.snapshot(temp, "gw-review-queue-hidden.png");

        robot.clickOn("#review-toggle-queue");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.review().queue().queueHiddenProperty().get()).isFalse();
        assertThat(robot.lookup("#review-sidebar").query().isVisible()).isTrue();
        assertThat(code.getLayoutBounds().getWidth()).isCloseTo(narrow, Offset.offset(1.0));
    }

    @Test
    void aListHiddenInAnEarlierSessionOpensHidden(FxRobot robot) throws Exception {
        fixture = new ReviewStudy(temp);
        fixture.waiting("Heavy-ball momentum", WHY, "momentum");
        vm = new MainViewModel(new FakeStudies().with(fixture.study), new SameThreadTaskExecutor(), Theme.LIGHT,
                FixedDesks.review(fixture.review), "ada");
        vm.review().queue().queueHiddenProperty().set(true); // as the window sets it from the settings
        window.show(() -> new MainView(vm).root(), 960, 680);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.REVIEW);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#review-toggle-queue").queryButton().getText()).isEqualTo("Show queue (q)");
        assertThat(robot.lookup("#review-sidebar").query().isVisible()).isFalse();
    }

    @Test
    void aLongTitleEndsInAnEllipsisAfterTwoLinesAndTheRowsTooltipHasAllOfIt(FxRobot robot) throws Exception {
        String title = "Combine: heavy-ball momentum 0.9 with a cosine learning-rate schedule after a 500-step linear"
                + " warmup, doubled embedding width and label smoothing of 0.1 on the targets";
        fixture = new ReviewStudy(temp);
        Patch patch = fixture.waiting(title, WHY, "momentum");
        open(960, 680);

        ListCell<?> row = row(robot, "#review-queue");
        Labeled shown = robot.from(row).lookup(".review-row-title").queryLabeled();
        assertThat(shown.getText()).isEqualTo("#" + patch.id() + "  " + title);
        assertThat(drawnText(robot, shown)).as("cut short").endsWith("...").hasSizeLessThan(shown.getText().length());
        assertThat(shown.getHeight()).as("two lines at most").isLessThan(3 * shown.getFont().getSize() * 1.2);
        assertThat(row.getTooltip().getText()).isEqualTo("#" + patch.id() + "  " + title);
        Node reject = robot.lookup("#review-reject").query();
        assertThat(reject.localToScene(reject.getLayoutBounds()).getMaxX()).as("the idea's long title widens nothing")
                .isLessThanOrEqualTo(reject.getScene().getWidth());
        window.snapshot(temp, "gw-review-long-title.png");

        robot.clickOn(row(robot, "#review-queue")).type(KeyCode.R).write("Too many changes at once.").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> decided = row(robot, "#review-history");
        Labeled decidedTitle = robot.from(decided).lookup(".review-row-title").queryLabeled();
        assertThat(drawnText(robot, decidedTitle)).endsWith("...");
        assertThat(decided.getTooltip().getText()).isEqualTo("#" + patch.id() + "  " + title + "\n\nToo many changes at once.");
    }

    /** The first row of a list. */
    private static ListCell<?> row(FxRobot robot, String list) {
        return robot.from(robot.lookup(list).queryAs(ListView.class)).lookup(".list-cell")
                .match(cell -> ((ListCell<?>) cell).getIndex() == 0).queryAs(ListCell.class);
    }

    /** What a label draws: its text, or its text cut short with an ellipsis. */
    private static String drawnText(FxRobot robot, Labeled label) {
        return robot.from(label).lookup(".text").<Text>queryAll().stream().map(Text::getText)
                .reduce("", String::concat);
    }
}
