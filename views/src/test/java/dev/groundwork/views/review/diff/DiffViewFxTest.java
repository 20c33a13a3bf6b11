package dev.groundwork.views.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The view on the headless platform, with highlighting jobs held back until a test runs them. */
@ExtendWith(ApplicationExtension.class)
class DiffViewFxTest {

    private final List<Runnable> highlightJobs = new CopyOnWriteArrayList<>();
    private SideBySideDiffView view;
    private CodeArea left;
    private FillerGuardedArea right;
    private Stage stage;

    /** A window of its own: the primary stage is shared with other test classes, which expect its size untouched. */
    @Start
    void start(Stage primary) {
        view = new SideBySideDiffView(SideBySide.of(DiffFixtures.PATH, DiffFixtures.BEFORE, DiffFixtures.AFTER),
                highlightJobs::add, new FxUiThread());
        left = view.leftArea();
        right = view.rightArea();
        Scene scene = new Scene(view.root(), 900, 360);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeWindow() {
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void bothSidesShowAParagraphPerRowWithRowAndIntraLineClasses(FxRobot robot) {
        assertThat(left.getParagraphs()).hasSize(34);
        assertThat(right.getParagraphs()).hasSize(34);
        assertThat(paragraphClasses(left, 17)).containsExactly("diff-changed");
        assertThat(paragraphClasses(right, 17)).containsExactly("diff-changed");
        assertThat(paragraphClasses(left, 13)).containsExactly("diff-filler");
        assertThat(paragraphClasses(right, 13)).containsExactly("diff-added");
        assertThat(paragraphClasses(right, 28)).containsExactly("diff-filler");
        assertThat(paragraphClasses(left, 0)).containsExactly("diff-same");
        assertThat(left.getText(13)).isEmpty();

        assertThat(styledText(left, 3, "diff-inline")).containsExactly("LR", "3e");
        assertThat(styledText(right, 3, "diff-inline")).containsExactly("LEARNING_RATE", "6e", ", doubled");
        assertThat(robot.lookup(".diff-left .diff-changed").queryAll()).as("rendered paragraph nodes carry the row class").isNotEmpty();
        assertThat(robot.lookup(".diff-right .diff-inline").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".diff-header .diff-count-added").queryLabeled().getText()).isEqualTo("+8");
        assertThat(robot.lookup(".diff-header .diff-count-removed").queryLabeled().getText()).isEqualTo("\u22125");
    }

    @Test
    void lineNumbersAreTheFilesNotTheParagraphs() {
        assertThat(lineNumber(left, 12)).isEqualTo("13");
        assertThat(lineNumber(left, 13)).as("filler").isBlank();
        assertThat(lineNumber(left, 14)).isEqualTo("14");
        assertThat(lineNumber(right, 14)).isEqualTo("15");
    }

    @Test
    void nextAndPreviousHunkMoveTheCaretsSelectTheHunkAndScrollBothSidesTogether() {
        fx(() -> {
            for (int i = 0; i < 5; i++) {
                view.nextHunk();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(left.getCurrentParagraph()).isEqualTo(28);
        assertThat(right.getCurrentParagraph()).isEqualTo(28);
        assertThat(left.getSelectedText()).contains("print(");
        int top = fx(right::firstVisibleParToAllParIndex);
        double bottom = fx(() -> right.getTotalHeightEstimate() - right.getViewportHeight());
        assertThat(fx(right::getEstimatedScrollY)).as("scrolled as far as the last rows allow")
                .isCloseTo(bottom, org.assertj.core.data.Offset.offset(1.0));
        assertThat(fx(left::firstVisibleParToAllParIndex)).isEqualTo(top);
        assertThat(fx(left::lastVisibleParToAllParIndex)).isGreaterThanOrEqualTo(28);

        fx(() -> {
            view.previousHunk();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(right.getCurrentParagraph()).isEqualTo(17);
        assertThat(right.getSelectedText()).startsWith("    if step < cfg.warmup:").endsWith("math.pi * progress))");
    }

    @Test
    void scrollingEitherSideScrollsTheOther(FxRobot robot) {
        fx(() -> {
            left.requestFocus();
            left.showParagraphAtTop(12);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(right::firstVisibleParToAllParIndex)).isEqualTo(12);

        robot.moveTo(right); // pointing at a side makes it lead
        fx(() -> {
            right.scrollYBy(-3 * rowHeight(right));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int top = fx(right::firstVisibleParToAllParIndex);
        assertThat(top).isLessThan(12);
        assertThat(fx(left::firstVisibleParToAllParIndex)).isEqualTo(top);
    }

    @Test
    void aRowScrolledPartlyOutIsScrolledAsFarOutOnTheOtherSide(FxRobot robot) {
        robot.moveTo(left);
        fx(() -> {
            left.scrollYBy(5 * rowHeight(left) + 7); // the font's rows are 14-17 px high
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        int top = fx(left::firstVisibleParToAllParIndex);
        assertThat(top).isEqualTo(5);
        assertThat(fx(right::firstVisibleParToAllParIndex)).isEqualTo(top);
        assertThat(fx(() -> topRowY(left))).as("partly scrolled out").isLessThan(0);
        assertThat(fx(() -> topRowY(right))).as("the top row's offset, in pixels").isEqualTo(fx(() -> topRowY(left)));
    }

    @Test
    void scrollingEitherSideSidewaysScrollsTheOtherAsFar(FxRobot robot) {
        String longLine = "x = \"" + "a long string literal, ".repeat(20) + "\"\n";
        SideBySideDiffView wide = fx(() -> {
            SideBySideDiffView view = new SideBySideDiffView(SideBySide.of("wide.py", longLine + "y = 1\n",
                    longLine + "y = 2\n"), Runnable::run, new FxUiThread());
            right.getScene().setRoot(view.root());
            return view;
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.moveTo(wide.rightArea());
        fx(() -> {
            wide.rightArea().scrollXBy(120);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(wide.rightArea()::getEstimatedScrollX)).isEqualTo(120.0);
        assertThat(fx(wide.leftArea()::getEstimatedScrollX)).as("the left side follows").isEqualTo(120.0);

        robot.moveTo(wide.leftArea());
        fx(() -> {
            wide.leftArea().scrollXBy(-50);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(wide.leftArea()::getEstimatedScrollX)).isEqualTo(70.0);
        assertThat(fx(wide.rightArea()::getEstimatedScrollX)).as("the right side follows").isEqualTo(70.0);
    }

    /** A row's height, which the monospaced font installed sets. */
    private static double rowHeight(CodeArea area) {
        return area.lookupAll(".paragraph-box").stream().mapToDouble(box -> box.getLayoutBounds().getHeight()).min()
                .orElseThrow();
    }

    /** Where the top row's box is drawn, relative to the side's top (negative when it is partly scrolled out). */
    private static double topRowY(CodeArea area) {
        double top = area.localToScreen(area.getLayoutBounds()).getMinY();
        return area.lookupAll(".paragraph-box").stream().map(box -> box.localToScreen(box.getBoundsInLocal()))
                .filter(bounds -> bounds.getMaxY() > top).mapToDouble(bounds -> bounds.getMinY() - top).min().orElseThrow();
    }

    @Test
    void altDownGoesToTheNextHunk(FxRobot robot) {
        robot.clickOn(right);
        fx(() -> {
            right.moveTo(0);
            return null;
        });
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);

        assertThat(right.getCurrentParagraph()).isEqualTo(3);
    }

    @Test
    void rightTextIsTheNewFileAndFollowsEditsToRealLinesOnly(FxRobot robot) {
        AtomicInteger invalidations = new AtomicInteger();
        view.rightTextProperty().addListener((InvalidationListener) o -> invalidations.incrementAndGet());
        assertThat(view.rightTextProperty().getValue()).isEqualTo(DiffFixtures.AFTER);

        robot.clickOn(right);
        fx(() -> {
            right.moveTo(33, right.getParagraphLength(33));
            return null;
        });
        robot.type(KeyCode.SPACE, KeyCode.DIGIT1);
        fx(() -> {
            right.moveTo(28, 0); // the filler facing the removed print
            return null;
        });
        robot.type(KeyCode.X, KeyCode.BACK_SPACE, KeyCode.DELETE, KeyCode.ENTER);

        assertThat(view.rightText()).isEqualTo(DiffFixtures.AFTER.replace("warmup=10))", "warmup=10)) 1"));
        assertThat(invalidations).hasPositiveValue();
        assertThat(right.getParagraphs()).hasSize(34);
        assertThat(right.getText(28)).isEmpty();
        assertThat(paragraphClasses(right, 28)).containsExactly("diff-filler");
    }

    @Test
    void editsThatWouldTouchAFillerAreRefusedAndEnterAddsARealLine() {
        String after = DiffFixtures.AFTER;
        fx(() -> {
            int fillerStart = right.getAbsolutePosition(28, 0);
            right.replaceText(fillerStart - 1, fillerStart + 1, ""); // merges the filler with its neighbours
            right.selectRange(27, 0, 29, 3);
            right.replaceSelection("gone");
            right.insertText(29, 0, "\n");
            return null;
        });

        assertThat(right.getParagraphs()).hasSize(35);
        assertThat(paragraphClasses(right, 28)).containsExactly("diff-filler");
        assertThat(view.rightText()).isEqualTo(after.replace("\n    return loss", "\n\n    return loss"));
        assertThat(right.lineOf(27)).isEqualTo(28);
        assertThat(right.lineOf(28)).as("filler").isZero();
        assertThat(right.lineOf(29)).isEqualTo(29);
        assertThat(right.lineOf(30)).isEqualTo(30);
    }

    @Test
    void highlightingArrivesLaterAndKeepsTheIntraLineMarks() {
        assertThat(allClasses(left)).noneMatch(styleClass -> styleClass.startsWith("syntax-"));

        runHighlightJobs();

        assertThat(styledText(left, 0, "syntax-keyword")).containsExactly("import");
        assertThat(styledText(right, 16, "syntax-definition")).containsExactly("schedule");
        assertThat(styledText(right, 9, "syntax-string")).containsExactly("\"\"\"Hyper-parameters of one run.\"\"\"");
        assertThat(styledText(right, 3, "diff-inline")).containsExactly("LEARNING_RATE", "6e", ", doubled");
        assertThat(styledText(right, 3, "syntax-comment")).containsExactly("# learning rate, doubled");
    }

    @Test
    void aResultForTextThatHasSinceChangedIsDropped() throws TimeoutException {
        fx(() -> {
            right.insertText(0, 0, "# edited\n");
            return null;
        });
        runHighlightJobs();

        assertThat(allClasses(right)).noneMatch(styleClass -> styleClass.startsWith("syntax-"));
        assertThat(allClasses(left)).contains("syntax-keyword");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !highlightJobs.isEmpty()); // the run after the edit
        runHighlightJobs();
        assertThat(styledText(right, 0, "syntax-comment")).containsExactly("# edited");
    }

    @Test
    void aLargeFileBuildsNodesOnlyForTheVisibleRowsAndIsColouredToTheEnd(FxRobot robot) throws TimeoutException {
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            before.append("x_").append(i).append(" = ").append(i).append('\n');
        }
        String after = before.toString().replace("x_5000 = 5000", "x_5000 = -1");
        SideBySideDiffView big = fx(() -> {
            SideBySideDiffView large = new SideBySideDiffView(SideBySide.of("big.py", before.toString(), after),
                    Runnable::run, new FxUiThread());
            right.getScene().setRoot(large.root());
            large.nextHunk();
            return large;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(big.rightArea().getParagraphs()).hasSize(10_000);
        assertThat(robot.lookup(".paragraph-box").queryAll()).hasSizeLessThan(120);
        assertThat(big.rightArea().getCurrentParagraph()).isEqualTo(5000);
        // The colours go on 1,000 paragraphs per turn of the FX thread, down to the last one.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> fx(() -> styledText(big.rightArea(), 9_999, "syntax-number")).equals(List.of("9999")));
        assertThat(styledText(big.rightArea(), 9_999, "syntax-number")).containsExactly("9999");
        assertThat(styledText(big.leftArea(), 5_000, "syntax-number")).containsExactly("5000");
    }

    @Test
    void aFileOpensOnItsFirstChangeWithNothingSelected() throws TimeoutException {
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            before.append("y_").append(i).append(" = ").append(i).append('\n');
        }
        String after = before.toString().replace("y_250 = 250", "y_250 = -1");
        SideBySideDiffView opened = fx(() -> {
            SideBySideDiffView view = new SideBySideDiffView(SideBySide.of("far.py", before.toString(), after),
                    Runnable::run, new FxUiThread());
            right.getScene().setRoot(view.root());
            return view;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(opened.rightArea()::firstVisibleParToAllParIndex) == 247);

        int top = fx(opened.rightArea()::firstVisibleParToAllParIndex);
        assertThat(top).as("three rows of context above the change").isEqualTo(247);
        assertThat(fx(opened.leftArea()::firstVisibleParToAllParIndex)).isEqualTo(top);
        assertThat(fx(() -> opened.rightArea().getSelectedText())).isEmpty();
    }

    private void runHighlightJobs() {
        List<Runnable> jobs = new ArrayList<>(highlightJobs);
        highlightJobs.clear();
        jobs.forEach(Runnable::run); // on this (test) thread: off the FX thread, as in the app
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Collection<String> paragraphClasses(CodeArea area, int paragraph) {
        return area.getParagraph(paragraph).getParagraphStyle();
    }

    /** The runs of a paragraph's text that carry {@code styleClass}. */
    private static List<String> styledText(CodeArea area, int paragraph, String styleClass) {
        List<String> runs = new ArrayList<>();
        String text = area.getText(paragraph);
        int at = 0;
        boolean inRun = false;
        for (StyleSpan<Collection<String>> span : area.getStyleSpans(paragraph)) {
            String piece = text.substring(at, at + span.getLength());
            boolean styled = span.getStyle().contains(styleClass);
            if (styled && inRun) {
                runs.add(runs.removeLast() + piece);
            } else if (styled && !piece.isEmpty()) {
                runs.add(piece);
            }
            inRun = styled;
            at += span.getLength();
        }
        return runs;
    }

    private static List<String> allClasses(CodeArea area) {
        return area.getStyleSpans(0, area.getLength()).styleStream().flatMap(Collection::stream).toList();
    }

    /** The number in the gutter of a paragraph on screen. */
    private static String lineNumber(CodeArea area, int paragraph) {
        return fx(() -> ((Label) area.getParagraphGraphic(paragraph)).getText());
    }

    private static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
