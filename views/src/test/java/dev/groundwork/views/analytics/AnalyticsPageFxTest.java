package dev.groundwork.views.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.analytics.Leaderboard;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.charts.DrawnTable;
import dev.groundwork.views.charts.RewardChart;
import dev.groundwork.views.common.BesideOrBelow;



import dev.groundwork.views.fakes.LineageStudy;
import dev.groundwork.views.fakes.RootStyles;
import dev.groundwork.views.fakes.TestWindow;

import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
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
 * The Analytics page on a small real search: reward per epoch with its failed run, the leaderboard, the curves of the
 * runs selected in it over the baseline's (with a second metric, dotted), and a click on a run opening its idea on the
 * Lineage page. Rendered to /tmp/gw-analytics.png and gw-analytics-second-metric.png (or
 * {@code -Dgroundwork.screenshots=DIR}).
 */
@ExtendWith(ApplicationExtension.class)
class AnalyticsPageFxTest {

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
        return fixture.showIn(window, Page.ANALYTICS);
    }

    @Test
    void selectingRunsOnTheLeaderboardOverlaysTheirCurvesOnTheBaselines(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        assertThat(vm.analytics().messageProperty().get()).isEmpty();
        DrawnTable<?> board = robot.lookup("#analytics-leaderboard").queryAs(DrawnTable.class);
        assertThat(vm.analytics().leaderboard()).extracting(Leaderboard.Row::title)
                .containsExactly("higher lr", "momentum", "more steps");
        CurveChart chart = robot.lookup("#analytics-curves").queryAs(CurveChart.class);
        assertThat(chart.curves()).as("the best three over the baseline to start with").hasSize(4);
        assertThat(board.selectedItems()).as("selected on the leaderboard").hasSize(3);

        reveal(robot, board);
        robot.clickOn(rewardCell(board, "0.9"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.curves()).extracting(CurveChart.Curve::name).containsExactly("baseline", "#" + fixture.moreSteps.ideaId() + " more steps");

        robot.press(KeyCode.SHIFT).type(KeyCode.UP, KeyCode.UP).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.selectedItems()).hasSize(3);
        assertThat(chart.curves()).as("three runs and the baseline").hasSize(4);
        assertThat(chart.curves().getFirst().reference()).isTrue();
        assertThat(chart.curves()).allSatisfy(curve -> assertThat(curve.size()).isGreaterThan(100));
        assertThat(chart.drawnPoints()).as("every curve stroked").isGreaterThan(4 * 100);

        robot.clickOn("#analytics-export");
        WaitForAsyncUtils.waitForFxEvents();
        Path exports = fixture.study.dir().resolve("exports");
        java.util.List<String> csv = java.nio.file.Files.readAllLines(exports.resolve("curves-val_loss.csv"));
        assertThat(csv.getFirst()).isEqualTo("run,name,metric,step,seconds,value");
        assertThat(csv.stream().skip(1).map(line -> line.split(",")[1]).distinct())
                .containsExactly("\"baseline\"", "\"#2 higher lr\"", "\"#3 momentum\"", "\"#1 more steps\"");
        assertThat(ImageIO.read(exports.resolve("curves-val_loss.png").toFile()).getWidth()).isEqualTo((int) chart.getWidth());
        assertThat(vm.analytics().messageProperty().get()).startsWith("Saved the curves to exports")
                .endsWith("and the chart to exports/curves-val_loss.png and .svg in the study folder.");
        org.w3c.dom.Document curvesSvg = dev.groundwork.views.fakes.SvgDocuments.parse(exports.resolve("curves-val_loss.svg"));
        assertThat(curvesSvg.getElementsByTagName("polyline").getLength()).as("the three runs' curves and the baseline's")
                .isEqualTo(4);

        Path png = window.snapshot(Path.of("/tmp"), "gw-analytics.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(pixelsNear(image, 0x4e79a7)).as("the first run's curve and the reward dots are drawn").isGreaterThan(200);
    }

    @Test
    void aSecondMetricIsDrawnDottedWithEachRunsFirstAndExportedBesideIt(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        CurveChart chart = robot.lookup("#analytics-curves").queryAs(CurveChart.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> second =
                robot.lookup("#analytics-second-metric").queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(second.getItems()).as("none, or any metric but the one shown").containsExactly("", "train_loss");
        assertThat(chart.curves()).noneMatch(CurveChart.Curve::second);

        reveal(robot, chart);
        robot.clickOn(second).clickOn("train_loss");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.analytics().secondMetricProperty().get()).isEqualTo("train_loss");
        assertThat(chart.curves()).as("the baseline and three runs, each val_loss then train_loss").hasSize(8);
        for (int i = 0; i < 8; i += 2) {
            assertThat(chart.curves().get(i).second()).isFalse();
            assertThat(chart.curves().get(i + 1).second()).isTrue();
            assertThat(chart.curves().get(i + 1).name()).isEqualTo(chart.curves().get(i).name());
            assertThat(chart.curves().get(i + 1).y()[299]).as("train_loss ends below val_loss")
                    .isLessThan(chart.curves().get(i).y()[299]);
        }
        assertThat(chart.curves().getFirst().reference()).isTrue();
        window.snapshot(Path.of("/tmp"), "gw-analytics-second-metric.png");

        robot.clickOn("#analytics-export");
        WaitForAsyncUtils.waitForFxEvents();
        Path exports = fixture.study.dir().resolve("exports");
        java.util.List<String> csv = java.nio.file.Files.readAllLines(exports.resolve("curves-val_loss-train_loss.csv"));
        assertThat(csv.stream().skip(1).map(line -> line.split(",")[2]).distinct())
                .containsExactly("\"val_loss\"", "\"train_loss\"");
        org.w3c.dom.Document svg = dev.groundwork.views.fakes.SvgDocuments.parse(
                exports.resolve("curves-val_loss-train_loss.svg"));
        var lines = svg.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(8);
        for (int i = 0; i < 8; i += 2) {
            org.w3c.dom.Element first = (org.w3c.dom.Element) lines.item(i);
            org.w3c.dom.Element dotted = (org.w3c.dom.Element) lines.item(i + 1);
            assertThat(dotted.getAttribute("stroke")).as("in its run's colour").isEqualTo(first.getAttribute("stroke"));
            assertThat(dotted.getAttribute("stroke-dasharray")).isEqualTo("2 3");
        }
        java.util.List<String> texts = java.util.stream.IntStream.range(0, svg.getElementsByTagName("text").getLength())
                .mapToObj(i -> svg.getElementsByTagName("text").item(i).getTextContent()).toList();
        assertThat(texts).as("the legend names each run once, then the two metrics' line styles")
                .containsOnlyOnce("baseline").contains("val_loss", "train_loss", "val_loss · train_loss");

        robot.clickOn(second).clickOn("none");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.curves()).hasSize(4).noneMatch(CurveChart.Curve::second);
    }

    @Test
    void theRewardChartTheLeaderboardAndTheHealthEachExportTheirDataAndTheChartItsPicture(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        Path exports = fixture.study.dir().resolve("exports");

        javafx.scene.Node rewards = robot.lookup("#analytics-export-rewards").query();
        reveal(robot, rewards);
        robot.clickOn(rewards);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> java.nio.file.Files.exists(exports.resolve("rewards.csv"))
                && vm.analytics().messageProperty().get().startsWith("Saved the reward chart"));
        java.util.List<String> points = java.nio.file.Files.readAllLines(exports.resolve("rewards.csv"));
        int drawn = vm.analytics().rewardsProperty().get().lanes().values().stream().mapToInt(lane -> lane.points().size()).sum();
        assertThat(points.getFirst()).startsWith("strategy,epoch,run_id,idea_id,label,reward,kind");
        assertThat(points).as("a row per run drawn").hasSize(1 + drawn);
        assertThat(points).as("the failed run is kept").anyMatch(line -> line.contains(",failed,"));
        RewardChart chart = robot.lookup("#reward-chart-evolve").queryAs(RewardChart.class);
        BufferedImage picture = ImageIO.read(exports.resolve("rewards.png").toFile());
        assertThat(picture.getWidth()).as("the reward charts' row").isGreaterThanOrEqualTo((int) chart.getWidth());
        assertThat(pixelsNear(picture, 0x4e79a7)).as("the reward dots are in the picture").isPositive();
        assertThat(vm.analytics().messageProperty().get()).isEqualTo("Saved the reward chart to exports/rewards.csv and its"
                + " chart to exports/rewards.png and .svg in the study folder.");
        org.w3c.dom.Document rewardsSvg = dev.groundwork.views.fakes.SvgDocuments.parse(exports.resolve("rewards.svg"));
        assertThat(rewardsSvg.getElementsByTagName("circle").getLength()).as("the three scored runs and the legend's dot")
                .isEqualTo(4);

        for (String[] table : new String[][] {{"leaderboard", "the leaderboard"}, {"health", "the health per epoch"}}) {
            javafx.scene.Node export = robot.lookup("#analytics-export-" + table[0]).query();
            reveal(robot, export);
            robot.clickOn(export);
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> vm.analytics().messageProperty().get().equals("Saved " + table[1] + " to exports/" + table[0]
                            + ".csv in the study folder."));
        }
        java.util.List<String> board = java.nio.file.Files.readAllLines(exports.resolve("leaderboard.csv"));
        assertThat(board.getFirst()).startsWith("rank,idea_id,label,title,reward,vs_parent,vs_baseline");
        assertThat(board.stream().skip(1).map(line -> line.split(",")[3]))
                .containsExactly("\"higher lr\"", "momentum", "\"more steps\"");
        java.util.List<String> health = java.nio.file.Files.readAllLines(exports.resolve("health.csv"));
        assertThat(health.getFirst()).startsWith("epoch,proposed,implemented,ran,succeeded,failed,failures");
        assertThat(health).hasSize(1 + vm.analytics().health().size());
        assertThat(exports.resolve("leaderboard.png")).as("a table's picture would show only the rows in view").doesNotExist();
    }

    @Test
    void openingAnotherStudyShowsItsRewardMetricWithoutAnError(FxRobot robot) throws Exception {
        try (LineageStudy other = new LineageStudy(temp.resolve("other"))) {
            MainViewModel vm = fixture.showIn(window, Page.ANALYTICS, new dev.groundwork.views.fakes.FakeStudies().with(other.study));
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<String> metric = robot.lookup("#analytics-metric").queryAs(javafx.scene.control.ChoiceBox.class);
            assertThat(metric.getValue()).isEqualTo("val_loss");

            // The choice box clears its value while the items are replaced; that once reached the view model as a null
            // metric and threw on the FX thread.
            WaitForAsyncUtils.asyncFx(() -> vm.openStudy(other.study.dir())).get();
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> vm.studyProperty().get() == other.study && !vm.analytics().leaderboard().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(vm.analytics().metricProperty().get()).isEqualTo("val_loss");
            assertThat(metric.getValue()).isEqualTo("val_loss");
            assertThat(robot.lookup("#analytics-curves").queryAs(CurveChart.class).curves()).as("the other study's").hasSize(4);
        }
    }

    @Test
    void rewardPerEpochMarksTheFailedRunAndAClickOpensTheIdeaOnTheLineagePage(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        RewardChart chart = robot.lookup("#reward-chart-evolve").queryAs(RewardChart.class);
        assertThat(chart.pointCount()).as("three scored runs and the crashed one").isEqualTo(4);

        Point2D mark = chart.marks().stream().filter(point -> chart.hoverTextAt(point).contains("more steps")).findFirst()
                .orElseThrow();
        robot.moveTo(chart.localToScreen(mark));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.hoverText()).contains("more steps");
        robot.clickOn(chart.localToScreen(mark));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.LINEAGE);
        assertThat(vm.lineage().selectedProperty().get()).isEqualTo(fixture.moreSteps.ideaId());
    }

    @Test
    void anIdeasTitleShowsOverItsLinkAndAClickOnTheLinkOpensItOnTheLineagePage(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        DrawnTable<?> board = robot.lookup("#analytics-leaderboard").queryAs(DrawnTable.class);
        reveal(robot, board);
        assertThat(robot.lookup("#page-analytics .table-cell").queryAll()).as("the tables are drawn, no node per cell")
                .isEmpty();
        assertThat(board.drawnRows()).isEqualTo(3);
        // A cached viewport painted the whole page into its image again for each change inside it.
        assertThat(robot.lookup("#page-analytics .viewport").query().isCache()).isFalse();

        Leaderboard.Row best = vm.analytics().leaderboard().getFirst();
        Point2D link = board.localToScreen(board.onText(0, 1));
        robot.moveTo(link);
        robot.moveBy(2, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.hoverText()).isEqualTo(best.title());
        assertThat(board.getCursor()).isEqualTo(javafx.scene.Cursor.HAND);

        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.LINEAGE);
        assertThat(vm.lineage().selectedProperty().get()).isEqualTo(best.ideaId());

    }

    @Test
    void onAWindowTooNarrowForBothTheCurvesGoBelowTheLeaderboardWhichShowsEveryColumnWhole(FxRobot robot)
            throws Exception {
        show();
        DrawnTable<?> board = robot.lookup("#analytics-leaderboard").queryAs(DrawnTable.class);
        // 1280 px: the page's ~980 px hold the leaderboard's 716 px but not the curves' least 440 px beside them.
        WaitForAsyncUtils.asyncFx(() -> board.getScene().getWindow().setWidth(1280)).get();
        WaitForAsyncUtils.waitForFxEvents();
        CurveChart chart = robot.lookup("#analytics-curves").queryAs(CurveChart.class);
        BesideOrBelow row = robot.lookup("#analytics-board-and-curves").queryAs(BesideOrBelow.class);

        assertThat(row.beside()).isFalse();
        assertThat(board.getWidth()).as("no column squeezed, no sideways scroll bar")
                .isGreaterThanOrEqualTo(board.fullWidth());
        assertThat(chart.localToScene(0, 0).getY()).as("the curves below the leaderboard")
                .isGreaterThan(board.localToScene(0, board.getHeight()).getY());
        assertThat(chart.getWidth()).as("the curves as wide as the leaderboard's row").isGreaterThan(board.fullWidth());

        WaitForAsyncUtils.asyncFx(() -> board.getScene().getWindow().setWidth(1600)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row.beside()).as("room for both at 1600 px").isTrue();
        assertThat(board.getWidth()).isGreaterThanOrEqualTo(board.fullWidth());
        assertThat(chart.localToScene(0, 0).getX()).isGreaterThan(board.localToScene(board.getWidth(), 0).getX());
    }

    @Test
    void theHealthTableShowsEachEpochsFunnelAndCosts(FxRobot robot) throws Exception {
        MainViewModel vm = show();
        DrawnTable<?> health = robot.lookup("#analytics-health").queryAs(DrawnTable.class);
        assertThat(health.rows()).hasSameSizeAs(vm.analytics().health()).isNotEmpty();
        assertThat(health.textAt(0, 0)).isEqualTo(String.valueOf(vm.analytics().health().getFirst().epoch()));
        assertThat(health.textAt(0, 1)).isEqualTo(String.valueOf(vm.analytics().health().getFirst().proposed()));
        assertThat(health.drawnRows()).as("every epoch fits").isEqualTo(vm.analytics().health().size());
    }

    /** Scrolls the page so that {@code node} is at its top. */
    private static void reveal(FxRobot robot, javafx.scene.Node node) throws Exception {
        javafx.scene.control.ScrollPane page = robot.lookup("#page-analytics").queryAs(javafx.scene.control.ScrollPane.class);
        WaitForAsyncUtils.asyncFx(() -> {
            double top = page.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            double room = page.getContent().getBoundsInLocal().getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(Math.min(1, top / room));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where on screen the leaderboard shows this reward. */
    private static Point2D rewardCell(DrawnTable<?> board, String reward) {
        int row = java.util.stream.IntStream.range(0, board.rows().size())
                .filter(i -> reward.equals(board.textAt(i, 2))).findFirst().orElseThrow();
        return board.localToScreen(board.onText(row, 2));
    }

    /** Pixels within a small distance of a colour. */
    static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255))
                        + Math.abs((p & 255) - (rgb & 255)) < 30) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void openingThePageAndComingBackToItEndEveryFrameWithNothingLeftToStyle(FxRobot robot) throws Exception {
        MainViewModel vm = fixture.showIn(window, Page.IDEAS);
        java.util.List<String> frameEnds = RootStyles.atEachFrameEnd(window.scene());
        for (Page page : new Page[] {Page.ANALYTICS, Page.LINEAGE, Page.ANALYTICS}) {
            WaitForAsyncUtils.asyncFx(() -> vm.pageProperty().set(page)).get();
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> dev.groundwork.views.common.FirstFrames.settled(window.scene().getRoot()));
            Thread.sleep(600); // the frames after the last step (each frame's end is recorded, however many)
        }

        // The metric pickers measured their lists' cells as they were laid out, leaving them to style after the pass;
        // the frame after then repainted the whole window.
        assertThat(frameEnds).isNotEmpty().containsOnly("CLEAN");
    }

    @Test
    void thePageDrawsNothingOutsideItselfWhenItHasFocus(FxRobot robot) throws Exception {
        show();
        javafx.scene.control.ScrollPane page = robot.lookup("#page-analytics").queryAs(javafx.scene.control.ScrollPane.class);
        WaitForAsyncUtils.asyncFx(page::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.isFocused()).isTrue();
        // A focus ring drawn outside the page made the window's content a pixel larger each time the page took focus,
        // and the renderer painted the whole window at every switch to the page.
        assertThat(page.getBoundsInLocal()).isEqualTo(page.getLayoutBounds());
    }

}
