package dev.groundwork.views.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.charts.LineageCanvas;



import dev.groundwork.views.fakes.LineageStudy;
import dev.groundwork.views.fakes.RootStyles;
import dev.groundwork.views.fakes.TestWindow;

import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
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
 * The Lineage page on a small real search: every node drawn, a click on a node shows its code against its parent's,
 * the keys walk the tree. Rendered to /tmp/gw-lineage.png (or {@code -Dgroundwork.screenshots=DIR}).
 */
@ExtendWith(ApplicationExtension.class)
class LineagePageFxTest {

    @TempDir
    Path temp;

    private LineageStudy fixture;
    private final TestWindow window = new TestWindow();

    @BeforeEach
    void open() throws Exception {
        fixture = new LineageStudy(temp);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        fixture.close();
    }

    private MainViewModel show() throws Exception {
        return fixture.showIn(window, Page.LINEAGE);
    }

    @Test
    void clickingANodeShowsItsDiffAgainstItsParent(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        LineageCanvas canvas = robot.lookup("#lineage-canvas").queryAs(LineageCanvas.class);
        LineageGraph graph = vm.lineage().graphProperty().get();
        assertThat(graph.size()).as("the baseline and four ideas").isEqualTo(5);
        assertThat(canvas.drawnNodes()).as("all in view once fitted").isEqualTo(5);
        assertThat(graph.bestPath()).containsExactly(LineageGraph.BASELINE, fixture.moreSteps.ideaId(),
                fixture.higherLr.ideaId());

        robot.clickOn(canvas.localToScreen(canvas.screenPoint(fixture.momentum.ideaId())));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.lineage().selectedProperty().get()).isEqualTo(fixture.momentum.ideaId());
        assertThat(vm.lineage().compareWithProperty().get()).as("its parent").isEqualTo(fixture.higherLr.ideaId());
        CurveChart curve = robot.lookup("#lineage-curve").queryAs(CurveChart.class);
        assertThat(curve.isVisible()).isTrue();
        assertThat(curve.curves()).as("its curve over its parent's").extracting(CurveChart.Curve::reference)
                .containsExactlyInAnyOrder(true, false);
        assertThat(curve.curves()).filteredOn(CurveChart.Curve::reference).singleElement()
                .satisfies(parent -> assertThat(parent.y()[parent.size() - 1]).isCloseTo(0.8, org.assertj.core.api.Assertions.within(0.01)));
        assertThat(curve.curves()).filteredOn(c -> !c.reference()).singleElement()
                .satisfies(own -> assertThat(own.y()[own.size() - 1]).isCloseTo(0.85, org.assertj.core.api.Assertions.within(0.01)));
        CodeArea left = robot.lookup("#lineage-diff .diff-left").queryAs(CodeArea.class);
        CodeArea right = robot.lookup("#lineage-diff .diff-right").queryAs(CodeArea.class);
        assertThat(right.getText()).contains("MOMENTUM = 0.9", "LEARNING_RATE = 0.09", "STEPS = 150");
        assertThat(left.getText()).as("the parent's code: more steps and the higher rate, no momentum yet")
                .contains("LEARNING_RATE = 0.09", "STEPS = 150").doesNotContain("MOMENTUM = 0.9");
        assertThat(right.isEditable()).isFalse();
        assertThat(robot.lookup("#lineage-details .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).anySatisfy(text -> assertThat(text)
                        .contains("Reward 0.85").contains("+0.05 vs parent"));
        window.snapshot(Path.of("/tmp"), "gw-lineage.png");
    }

    @Test
    void anIdeaWithNoCodeSaysSoAndOffersNoFileToPick(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        LineageCanvas canvas = robot.lookup("#lineage-canvas").queryAs(LineageCanvas.class);
        robot.clickOn(canvas.localToScreen(canvas.screenPoint(fixture.momentum.ideaId())));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> file = robot.lookup("#lineage-file").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(file.isVisible()).as("an implemented idea's files").isTrue();

        robot.clickOn(canvas.localToScreen(canvas.screenPoint(fixture.broken.id())));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> vm.lineage().diffMessageProperty().get().contains("no code to compare"));

        assertThat(vm.lineage().files()).isEmpty();
        assertThat(file.isVisible()).as("no empty picker beside the message").isFalse();
        assertThat(file.isManaged()).isFalse();
    }

    @Test
    void aPromotedIdeaIsMarkedAndItsPromotionAndTheBaselineChangeAreInTheSidePanel(FxRobot robot) throws Exception {
        fixture.study.store().promotions().add(fixture.higherLr.ideaId(), fixture.higherLr.id(), "old", "new", 1.25, 0.8, 1);
        MainViewModel vm = show();
        LineageCanvas canvas = robot.lookup("#lineage-canvas").queryAs(LineageCanvas.class);
        javafx.geometry.Point2D at = canvas.screenPoint(fixture.higherLr.ideaId());
        robot.moveTo(canvas.localToScreen(at));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.hoverText()).contains("promoted to baseline");

        robot.clickOn(canvas.localToScreen(at));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.lineage().details()).anySatisfy(line -> assertThat(line).startsWith("Promoted to baseline on ")
                .contains("(epoch 1)").contains("the baseline before it had reward 1.25."));
        assertThat(robot.lookup("#lineage-details .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).anySatisfy(text -> assertThat(text)
                        .startsWith("Promoted to baseline on "));

        WaitForAsyncUtils.asyncFx(() -> vm.lineage().selectedProperty().set(LineageGraph.BASELINE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.lineage().details()).anySatisfy(line -> assertThat(line).startsWith("Baseline changed on ")
                .contains(vm.lineage().name(fixture.higherLr.ideaId()) + " promoted (reward 0.8)"));
        assertThat(vm.lineage().details()).noneSatisfy(line -> assertThat(line).startsWith("Promoted to baseline"));
        window.snapshot(Path.of(System.getProperty("groundwork.screenshots", temp.toString())), "gw-lineage-promoted.png");
    }

    @Test
    void exportSavesTheTreeAsDrawnAndARowPerIdea(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        LineageCanvas canvas = robot.lookup("#lineage-canvas").queryAs(LineageCanvas.class);
        Path exports = fixture.study.dir().resolve("exports");

        robot.clickOn("#lineage-export");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> vm.lineage().messageProperty().get().startsWith("Saved the tree's ideas"));

        java.util.List<String> rows = java.nio.file.Files.readAllLines(exports.resolve("lineage.csv"));
        assertThat(rows.getFirst()).startsWith("id,epoch,label,title,kind,origin,human_edited,reward,parent_id");
        assertThat(rows).as("the baseline and four ideas").hasSize(1 + 5);
        try (com.fasterxml.jackson.databind.MappingIterator<java.util.Map<String, String>> read =
                     new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerForMapOf(String.class)
                             .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                             .readValues(exports.resolve("lineage.csv").toFile())) {
            assertThat(read.readAll()).filteredOn(row -> row.get("on_best_path").equals("true"))
                    .extracting(row -> Long.parseLong(row.get("id")))
                    .containsExactlyInAnyOrderElementsOf(vm.lineage().graphProperty().get().bestPath());
        }
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(exports.resolve("lineage.png").toFile());
        assertThat(picture.getWidth()).isEqualTo((int) canvas.getWidth());
        assertThat(vm.lineage().messageProperty().get()).isEqualTo("Saved the tree's ideas to exports/lineage.csv and the"
                + " view to exports/lineage.png in the study folder.");
    }

    @Test
    void theArrowKeysWalkToTheParentChildAndSiblings(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        LineageCanvas canvas = robot.lookup("#lineage-canvas").queryAs(LineageCanvas.class);
        robot.clickOn(canvas.localToScreen(canvas.screenPoint(fixture.higherLr.ideaId())));

        robot.type(KeyCode.DOWN);
        assertThat(vm.lineage().selectedProperty().get()).as("its next sibling").isEqualTo(fixture.broken.id());
        robot.type(KeyCode.UP);
        assertThat(vm.lineage().selectedProperty().get()).isEqualTo(fixture.higherLr.ideaId());
        robot.type(KeyCode.RIGHT);
        assertThat(vm.lineage().selectedProperty().get()).as("its child").isEqualTo(fixture.momentum.ideaId());
        robot.type(KeyCode.LEFT, KeyCode.LEFT);
        assertThat(vm.lineage().selectedProperty().get()).as("its grandparent").isEqualTo(fixture.moreSteps.ideaId());
        robot.type(KeyCode.LEFT);
        assertThat(vm.lineage().selectedProperty().get()).isEqualTo(LineageGraph.BASELINE);
        assertThat(vm.lineage().compareWithProperty().get()).as("the baseline has nothing before it").isNull();
    }

    @Test
    void selectingNodesEndsEveryFrameWithNothingLeftToStyle(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        java.util.List<String> frameEnds = RootStyles.atEachFrameEnd(window.scene());
        // Each gives the side panel new details, both pickers new items, and the diff new lines; the last is a node
        // seen before, whose diff is read at once.
        for (long id : new long[] {fixture.momentum.ideaId(), fixture.higherLr.ideaId(), fixture.moreSteps.ideaId(),
                fixture.momentum.ideaId()}) {
            WaitForAsyncUtils.asyncFx(() -> vm.lineage().selectedProperty().set(id)).get();
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !vm.lineage().files().isEmpty());
            Thread.sleep(600); // the frames that show its diff and curves (each frame's end is recorded, however many)
        }

        // Left marked, the next frame, with nothing changed, repaints the whole window.
        assertThat(frameEnds).isNotEmpty().containsOnly("CLEAN");
    }

}
