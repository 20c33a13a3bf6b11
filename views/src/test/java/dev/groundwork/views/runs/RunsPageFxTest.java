package dev.groundwork.views.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.fakes.TestWindow;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.Run;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
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
 * The Runs page in the main window on a real study: the table of runs, a run's curve and log, and the page rendered in
 * both themes (to /tmp/gw-runs-light.png and /tmp/gw-runs-dark.png, or to {@code -Dgroundwork.screenshots=DIR}).
 */
@ExtendWith(ApplicationExtension.class)
class RunsPageFxTest {

    @TempDir
    Path temp;

    private RunsStudy fixture;
    private final TestWindow window = new TestWindow();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private Run baseline;
    private Run cosine;

    @BeforeEach
    void open() throws Exception {
        fixture = new RunsStudy(temp);
        String baselineLog = IntStream.range(0, 40).mapToObj(i -> "step " + (i * 25) + "  val_loss " + String.format("%.4f", 2.1 * Math.exp(-i / 15.0) + 0.8))
                .collect(Collectors.joining("\n", "$ python train.py --seed 0\n", "\nfinal val_loss 0.9312\n"));
        baseline = fixture.running(null, 0, baselineLog, 1000, step -> 2.1 * Math.exp(-step / 375.0) + 0.8
                + 0.04 * Math.sin(step / 7.0));
        baseline = fixture.succeeded(baseline.id(), 0.9312);
        Idea cosineIdea = fixture.idea("Cosine learning-rate schedule");
        cosine = fixture.running(cosineIdea, 1, "$ python train.py --seed 0\nstep 0  val_loss 2.8810\n", 400,
                step -> 2.0 * Math.exp(-step / 200.0) + 0.75);
        cosine = fixture.succeeded(cosine.id(), 0.7687);
        Idea huge = fixture.idea("Huge learning rate");
        Run diverged = fixture.running(huge, 1, "$ python train.py --seed 0\nTraceback (most recent call last):\n"
                + "  File \"train.py\", line 41, in <module>\nFloatingPointError: loss is nan\n", 12, step -> 2.9 + step);
        fixture.failed(diverged.id(), FailureClass.CODE);
        fixture.running(fixture.idea("Linear warmup then cosine decay of the learning rate over the whole run"), 1,
                "$ python train.py --seed 0\nstep 0  val_loss 2.8790\nstep 25  val_loss 2.4012\n", 60,
                step -> 2.9 * Math.exp(-step / 90.0) + 0.7);
        fixture.queued(fixture.idea("Heavy-ball momentum"));
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        fixture.close();
    }

    private MainViewModel show(Theme theme, double width, double height) throws Exception {
        MainViewModel vm = new MainViewModel(new FakeStudies().with(fixture.study), tasks, theme,
                FixedDesks.runs(fixture.monitor), "ada");
        window.show(() -> new MainView(vm).root(), width, height);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.RUNS);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    @Test
    void selectingARunShowsItsCurveAndLog(FxRobot robot) throws Exception {
        MainViewModel vm = show(Theme.LIGHT, 1200, 760);
        assertThat(vm.runs().monitor().messageProperty().get()).as("the runs were read").isEmpty();
        assertThat(vm.runs().monitor().rows()).hasSize(5);
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(5);
        assertThat(robot.lookup("#runs-overview").tryQuery()).as("the facts give way to the table").isEmpty();
        assertThat(vm.runs().monitor().activeProperty().get()).isTrue();

        robot.clickOn("baseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.runs().monitor().selectedProperty().get().run().id()).isEqualTo(baseline.id());
        CurveChart chart = robot.lookup("#runs-curve").queryAs(CurveChart.class);
        assertThat(chart.yLabelProperty().get()).isEqualTo(RunsStudy.METRIC);
        assertThat(chart.curves()).singleElement().satisfies(curve -> {
            assertThat(curve.name()).isEqualTo(RunsStudy.METRIC);
            assertThat(curve.size()).isBetween(250, RunsMonitorViewModel.MAX_POINTS);
        });
        CodeArea log = robot.lookup("#runs-log").queryAs(CodeArea.class);
        assertThat(log.getText()).startsWith("$ python train.py").endsWith("final val_loss 0.9312");
        assertThat(log.isEditable()).isFalse();

        robot.clickOn("Cosine learning-rate schedule");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.curves()).singleElement().extracting(CurveChart.Curve::size).isEqualTo(400);
        assertThat(log.getText()).endsWith("step 0  val_loss 2.8810");
    }

    @Test
    void theCurveOfARunningRunGrowsAsItReportsPoints(FxRobot robot) throws Exception {
        MainViewModel vm = show(Theme.LIGHT, 1200, 760);
        robot.clickOn("Linear warmup then cosine decay of the learning rate over the whole run");
        WaitForAsyncUtils.waitForFxEvents();
        CurveChart chart = robot.lookup("#runs-curve").queryAs(CurveChart.class);
        assertThat(chart.curves()).singleElement().extracting(CurveChart.Curve::size).isEqualTo(60);
        long runId = vm.runs().monitor().selectedProperty().get().run().id();

        fixture.appendMetric(runId, 60, 90, step -> 2.9 * Math.exp(-step / 90.0) + 0.7);
        WaitForAsyncUtils.asyncFx(() -> vm.runs().monitor().refresh()).get();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> chart.curves().size() == 1 && chart.curves().getFirst().size() == 90);
        assertThat(chart.curves().getFirst().x()).as("steps in order").isSorted().endsWith(89);
    }

    @Test
    void aLongIdeaTitleIsElidedInTheTableWithTheWholeTitleInItsTooltip(FxRobot robot) throws Exception {
        String combination = "See 10 characters of history instead of 4 + SGD with dampened momentum 0.9 + Label"
                + " smoothing 0.1 + Clip the global gradient norm at 1.0";
        fixture.queued(fixture.idea(combination));
        show(Theme.LIGHT, 1000, 700);

        TableCell<?, ?> cell = robot.lookup(".table-cell").match(node -> node instanceof TableCell<?, ?> each
                && combination.equals(each.getItem())).queryAs(TableCell.class);
        String shown = ((Text) cell.lookup(".text")).getText();
        assertThat(shown).as("elided").endsWith(cell.getEllipsisString()).hasSizeLessThan(combination.length());
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(combination);
        TableCell<?, ?> shortTitle = robot.lookup(".table-cell").match(node -> node instanceof TableCell<?, ?> each
                && "baseline".equals(each.getItem())).queryAs(TableCell.class);
        assertThat(shortTitle.getTooltip()).as("a title in full view needs none").isNull();
        Label detail = robot.lookup("#runs-detail-title").queryAs(Label.class);
        assertThat(detail.getTooltip().getText()).isEqualTo(detail.getText()).contains(combination);
        ToggleButton follow = robot.lookup("#runs-log-follow").queryAs(ToggleButton.class);
        assertThat(((Text) follow.lookup(".text")).getText()).as("in a narrow window too").isEqualTo("Follow");
        window.snapshot(temp, "gw-runs-long-title.png");
    }

    @Test
    void thePagePollsOnlyWhileItShowsAndARunIsActive() throws Exception {
        MainViewModel vm = show(Theme.LIGHT, 1200, 760);
        boolean[] polling = WaitForAsyncUtils.asyncFx(() -> {
            RunsView view = new RunsView(vm.runs());
            boolean detached = view.polling();
            Scene scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 800, 600);
            boolean shown = view.polling();
            ((javafx.scene.layout.StackPane) scene.getRoot()).getChildren().clear();
            return new boolean[] {detached, shown, view.polling()};
        }).get();
        assertThat(polling).containsExactly(false, true, false);
    }

    @Test
    void closingTheWindowStopsThePolling() throws Exception {
        MainViewModel vm = show(Theme.LIGHT, 1200, 760);
        RunsMonitorViewModel monitor = vm.runs().monitor();
        assertThat(monitor.pollingProperty().get()).as("a run is running and the page shows").isTrue();
        assertThat(tasks.scheduled()).isEqualTo(1);

        window.close();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(monitor.showingProperty().get()).isFalse();
        assertThat(monitor.pollingProperty().get()).isFalse();
        assertThat(tasks.scheduled()).as("no repeat left behind").isZero();
    }

    @Test
    void aStudyWithoutRunsShowsItsNumbers(FxRobot robot) throws Exception {
        fixture.close();
        fixture = new RunsStudy(temp.resolve("empty"));
        show(Theme.LIGHT, 1200, 720);
        assertThat(robot.lookup("#runs-overview").tryQuery()).isPresent();
        assertThat(robot.lookup("#runs-table").tryQuery()).isEmpty();
    }

    @Test
    void thePageRendersInBothThemes(FxRobot robot) throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            MainViewModel vm = show(theme, 1200, 760);
            WaitForAsyncUtils.asyncFx(() -> vm.runs().monitor().selectedProperty().set(vm.runs().monitor().rows().getLast()))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            Path png = window.snapshot(temp, "gw-runs-" + theme.name().toLowerCase() + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(1200);
            window.close();
        }
    }
}
