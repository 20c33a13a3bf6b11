package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.TestWindow;
import java.util.List;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A series with far more points than pixel columns still shows a one-point spike, at its height, in its colour. */
@ExtendWith(ApplicationExtension.class)
class CurveChartFxTest {

    private final TestWindow window = new TestWindow();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aDenseSeriesShowsItsOnePointSpike() throws Exception {
        int points = 200_000;
        int spike = 123_457;
        double[] x = steps(points);
        double[] y = spiked(points, spike);
        CurveChart chart = new CurveChart();
        window.show(() -> new javafx.scene.layout.StackPane(chart), 700, 400);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            chart.setCurves(List.of(new CurveChart.Curve("dense", x, y, false)));
            return chart.snapshot(null, null);
        }).get();

        assertThat(chart.drawnPoints()).as("decimated").isLessThan(4 * 700 + 2);
        // The spike is the top of the y axis, so the curve's colour reaches the plot's top edge in the spike's column.
        int column = (int) Math.round(64 + (double) spike / (points - 1) * (700 - 64 - 16));
        PixelReader reader = image.getPixelReader();
        int series = toArgb(ChartPalette.series(0));
        boolean reachesTop = false;
        for (int dx = -2; dx <= 2; dx++) {
            for (int row = 10; row <= 16; row++) {
                reachesTop |= close(reader.getArgb(column + dx, row), series);
            }
        }
        assertThat(reachesTop).as("the spike drawn up to the top of the plot").isTrue();
    }

    @Test
    void theSvgFigureStrokesTheDecimatedSeriesWithItsSpikeAndTheBaselineDashed() throws Exception {
        int points = 200_000;
        double[] x = steps(points);
        double[] y = spiked(points, 123_457);
        CurveChart chart = new CurveChart();
        window.show(() -> new javafx.scene.layout.StackPane(chart), 700, 400);
        String svg = WaitForAsyncUtils.asyncFx(() -> {
            chart.setCurves(List.of(new CurveChart.Curve("dense", x, y, false),
                    new CurveChart.Curve("baseline", new double[] {0, points - 1}, new double[] {1.2, 1.1}, true)));
            return SvgFigure.of(chart).svg();
        }).get();

        var lines = dev.groundwork.views.fakes.SvgDocuments.parse(svg).getElementsByTagName("polyline");
        assertThat(lines.getLength()).as("the series and the baseline").isEqualTo(2);
        org.w3c.dom.Element dense = (org.w3c.dom.Element) lines.item(0);
        String[] vertices = dense.getAttribute("points").split(" ");
        assertThat(vertices.length).as("decimated to the plot's columns").isLessThanOrEqualTo(4 * 700).isGreaterThan(600);
        double top = java.util.Arrays.stream(vertices).mapToDouble(v -> Double.parseDouble(v.split(",")[1])).min().orElseThrow();
        assertThat(top).as("the spike reaches the plot's top").isCloseTo(12, org.assertj.core.data.Offset.offset(0.5));
        org.w3c.dom.Element reference = (org.w3c.dom.Element) lines.item(1);
        assertThat(reference.getAttribute("stroke-dasharray")).isEqualTo("6 4");
    }

    @Test
    void aTickLabelAtThePlotsRightEndEndsInsideTheChart() throws Exception {
        CurveChart chart = new CurveChart();
        window.show(() -> new javafx.scene.layout.StackPane(chart), 700, 400);
        String svg = WaitForAsyncUtils.asyncFx(() -> {
            chart.setCurves(List.of(new CurveChart.Curve("run", new double[] {2000, 13000, 24000},
                    new double[] {2.1, 1.4, 1.2}, false)));
            return SvgFigure.of(chart).svg();
        }).get();

        var texts = dev.groundwork.views.fakes.SvgDocuments.parse(svg).getElementsByTagName("text");
        org.w3c.dom.Element last = java.util.stream.IntStream.range(0, texts.getLength())
                .mapToObj(i -> (org.w3c.dom.Element) texts.item(i))
                .filter(text -> text.getTextContent().equals("24000")).findFirst().orElseThrow();
        assertThat(last.getAttribute("text-anchor")).as("ends at the chart's edge").isEqualTo("end");
        assertThat(Double.parseDouble(last.getAttribute("x"))).isLessThanOrEqualTo(700);
        org.w3c.dom.Element middle = java.util.stream.IntStream.range(0, texts.getLength())
                .mapToObj(i -> (org.w3c.dom.Element) texts.item(i))
                .filter(text -> text.getTextContent().equals("12000")).findFirst().orElseThrow();
        assertThat(middle.getAttribute("text-anchor")).as("the others centred on their ticks").isEqualTo("middle");
    }

    private static double[] steps(int points) {
        return java.util.stream.IntStream.range(0, points).asDoubleStream().toArray();
    }

    /** A curve that wobbles about 1, but for a one-point spike to 3 at {@code spike}. */
    private static double[] spiked(int points, int spike) {
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            y[i] = 1 + 0.01 * Math.sin(i);
        }
        y[spike] = 3;
        return y;
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 40) {
                return false;
            }
        }
        return true;
    }

    private static int toArgb(javafx.scene.paint.Color colour) {
        return 0xFF000000 | ((int) Math.round(colour.getRed() * 255) << 16) | ((int) Math.round(colour.getGreen() * 255) << 8)
                | (int) Math.round(colour.getBlue() * 255);
    }
}
