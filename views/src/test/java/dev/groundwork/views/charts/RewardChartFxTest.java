package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.analytics.Direction;
import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.views.fakes.TestWindow;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Thousands of runs, drawn as pixels: every run still has its mark where hover and click find it, in its colour. */
@ExtendWith(ApplicationExtension.class)
class RewardChartFxTest {

    private final TestWindow window = new TestWindow();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void theMarksOfALargeStudyAreWrittenOffTheFxThreadAndShownWhenTheyArrive() throws Exception {
        List<java.util.function.Supplier<Runnable>> queued = new ArrayList<>();
        RewardChart chart = new RewardChart();
        chart.setOffThread(queued::add);
        window.show(() -> new javafx.scene.layout.StackPane(chart), 900, 420);
        WaitForAsyncUtils.asyncFx(() -> chart.show(new RewardPlot.Lane(points(5_000), List.of()), 2.0, Direction.MINIMIZE)).get();

        assertThat(queued).as("the marks are asked for once, not written on the FX thread").hasSize(1);
        assertThat(chart.pointCount()).as("no marks before the worker's pixels arrive").isZero();
        Runnable apply = queued.getFirst().get(); // the worker's part, here on the test's thread
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            apply.run();
            return chart.snapshot(null, null);
        }).get();

        assertThat(chart.pointCount()).isEqualTo(5_000);
        Point2D mark = chart.marks().getFirst();
        assertThat(image.getPixelReader().getArgb((int) mark.getX(), (int) mark.getY()))
                .as("the first run's mark is on the canvas").isNotEqualTo(image.getPixelReader().getArgb(2, 2));
    }

    @Test
    void marksWrittenForAnOlderFrameAreDroppedWhenTheyArriveLate() throws Exception {
        List<java.util.function.Supplier<Runnable>> queued = new ArrayList<>();
        RewardChart chart = new RewardChart();
        chart.setOffThread(queued::add);
        window.show(() -> new javafx.scene.layout.StackPane(chart), 900, 420);
        WaitForAsyncUtils.asyncFx(() -> chart.show(new RewardPlot.Lane(points(5_000), List.of()), 2.0, Direction.MINIMIZE)).get();
        WaitForAsyncUtils.asyncFx(() -> chart.show(new RewardPlot.Lane(points(3_000), List.of()), 2.0, Direction.MINIMIZE)).get();
        assertThat(queued).hasSize(2);
        Runnable older = queued.get(0).get();
        Runnable newer = queued.get(1).get();

        WaitForAsyncUtils.asyncFx(newer).get();
        WaitForAsyncUtils.asyncFx(older).get();

        assertThat(chart.pointCount()).as("the study shown now, not the one the late marks were written for").isEqualTo(3_000);
    }

    @Test
    void aSizeTheChartHadJustBeforeFindsItsMarksWithoutAskingAgain() throws Exception {
        List<java.util.function.Supplier<Runnable>> queued = new ArrayList<>();
        RewardChart chart = new RewardChart();
        chart.setOffThread(queued::add);
        chart.setManaged(false); // sized by the test alone
        javafx.scene.layout.Pane holder = new javafx.scene.layout.Pane(chart);
        window.show(() -> holder, 900, 420);
        WaitForAsyncUtils.asyncFx(() -> {
            chart.applyCss(); // the theme's colours, which the marks are written in, settled first
            chart.resize(800, 300);
            chart.layout();
            chart.show(new RewardPlot.Lane(points(5_000), List.of()), 2.0, Direction.MINIMIZE);
        }).get();
        for (int height : new int[] {280, 300}) {
            Runnable apply = queued.getLast().get();
            WaitForAsyncUtils.asyncFx(() -> {
                apply.run();
                chart.resize(800, height);
                chart.layout();
            }).get();
        }

        assertThat(queued).as("the marks of each size are written once, however often the layout goes back and forth")
                .hasSize(2);
        assertThat(chart.pointCount()).isEqualTo(5_000);
    }

    private static List<RewardPlot.Point> points(int runs) {
        List<RewardPlot.Point> points = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            int epoch = run % 20;
            points.add(new RewardPlot.Point(run, run, "#" + run, epoch, 2.0 - epoch * 0.05 + (run % 13) * 0.01,
                    RewardPlot.Kind.COUNTED, null));
        }
        return points;
    }

    @Test
    void everyRunOfALargeStudyIsMarkedWhereHoverFindsIt() throws Exception {
        List<RewardPlot.Point> points = new ArrayList<>();
        for (int run = 1; run <= 5_000; run++) {
            int epoch = run % 20;
            points.add(run % 97 == 0
                    ? new RewardPlot.Point(run, run, "#" + run, epoch, null, RewardPlot.Kind.FAILED, "oom")
                    : new RewardPlot.Point(run, run, "#" + run, epoch, 2.0 - epoch * 0.05 + (run % 13) * 0.01,
                    RewardPlot.Kind.COUNTED, null));
        }
        RewardChart chart = new RewardChart();
        window.show(() -> new javafx.scene.layout.StackPane(chart), 900, 420);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            chart.show(new RewardPlot.Lane(points, List.of()), 2.0, Direction.MINIMIZE);
            return chart.snapshot(null, null);
        }).get();

        assertThat(chart.pointCount()).isEqualTo(5_000);
        PixelReader reader = image.getPixelReader();
        int background = reader.getArgb(2, 2);
        List<Point2D> marks = chart.marks();
        for (int i = 0; i < marks.size(); i += 97) {
            Point2D mark = marks.get(i);
            assertThat(reader.getArgb((int) mark.getX(), (int) mark.getY())).as("run %d's mark is drawn", i + 1)
                    .isNotEqualTo(background);
            assertThat(chart.hoverTextAt(mark)).as("hover finds a run there").isNotEmpty();
        }
    }

    @Test
    void theSvgFigureDrawsEveryRunAsAShapeWhereTheCanvasHasItsMark() throws Exception {
        List<RewardPlot.Point> points = new ArrayList<>(points(5_000));
        points.replaceAll(point -> point.runId() % 97 == 0 ? new RewardPlot.Point(point.runId(), point.ideaId(),
                point.label(), point.epoch(), null, RewardPlot.Kind.FAILED, "oom") : point);
        RewardChart chart = new RewardChart();
        window.show(() -> new javafx.scene.layout.StackPane(chart), 900, 420);
        String svg = WaitForAsyncUtils.asyncFx(() -> {
            chart.show(new RewardPlot.Lane(points, List.of()), 2.0, Direction.MINIMIZE);
            return SvgFigure.of(chart).svg();
        }).get();

        org.w3c.dom.Document doc = dev.groundwork.views.fakes.SvgDocuments.parse(svg);
        long failed = points.stream().filter(point -> point.reward() == null).count();
        assertThat(doc.getElementsByTagName("circle").getLength()).as("each scored run, and the legend's dot")
                .isEqualTo(5_000 - failed + 1);
        org.w3c.dom.Element first = (org.w3c.dom.Element) doc.getElementsByTagName("circle").item(0);
        Point2D mark = chart.marks().getFirst();
        assertThat(Double.parseDouble(first.getAttribute("cx"))).isCloseTo(mark.getX(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(first.getAttribute("cy"))).isCloseTo(mark.getY(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(texts(doc)).contains("baseline 2.000", "reward  (lower is better \u2193)", "failed or invalid", "failed");
        assertThat(chart.pointCount()).as("the chart on screen keeps its marks for hover").isEqualTo(5_000);
    }

    @Test
    void theFailedStripIsNamedOnlyWhenARunFailed() throws Exception {
        RewardChart chart = new RewardChart();
        window.show(() -> new javafx.scene.layout.StackPane(chart), 900, 420);
        String svg = WaitForAsyncUtils.asyncFx(() -> {
            chart.show(new RewardPlot.Lane(points(12), List.of()), 2.0, Direction.MINIMIZE);
            return SvgFigure.of(chart).svg();
        }).get();

        assertThat(texts(dev.groundwork.views.fakes.SvgDocuments.parse(svg)))
                .as("the legend still says what a cross means").contains("failed or invalid")
                .doesNotContain("failed");
    }

    @Test
    void aChartTooNarrowForTheLegendsRowWrapsItAndKeepsEveryEntryInside() throws Exception {
        RewardChart chart = new RewardChart();
        window.show(() -> new javafx.scene.layout.StackPane(chart), 480, 420); // a lane of two side by side
        String svg = WaitForAsyncUtils.asyncFx(() -> {
            chart.show(new RewardPlot.Lane(points(12), List.of()), 2.0, Direction.MINIMIZE);
            return SvgFigure.of(chart).svg();
        }).get();

        org.w3c.dom.Document doc = dev.groundwork.views.fakes.SvgDocuments.parse(svg);
        org.w3c.dom.Element run = text(doc, "run (epoch)");
        org.w3c.dom.Element failed = text(doc, "failed or invalid");
        assertThat(Double.parseDouble(failed.getAttribute("y"))).as("on a row of its own below")
                .isGreaterThan(Double.parseDouble(run.getAttribute("y")));
        // 12 px text: about 7 px a character at most.
        assertThat(Double.parseDouble(failed.getAttribute("x")) + 7 * "failed or invalid".length()).isLessThan(480);
        assertThat(RewardChart.legendPlaces(1200)).as("one row where there is room")
                .allSatisfy(place -> assertThat(place[1]).isZero());
    }

    private static org.w3c.dom.Element text(org.w3c.dom.Document doc, String content) {
        for (int i = 0; i < doc.getElementsByTagName("text").getLength(); i++) {
            if (doc.getElementsByTagName("text").item(i).getTextContent().equals(content)) {
                return (org.w3c.dom.Element) doc.getElementsByTagName("text").item(i);
            }
        }
        throw new AssertionError("no text " + content);
    }

    /** The text of every {@code <text>} element of an SVG document, in order. */
    private static List<String> texts(org.w3c.dom.Document doc) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < doc.getElementsByTagName("text").getLength(); i++) {
            texts.add(doc.getElementsByTagName("text").item(i).getTextContent());
        }
        return texts;
    }
}
