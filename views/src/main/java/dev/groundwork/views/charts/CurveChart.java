package dev.groundwork.views.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * Training curves overlaid: any number of series over a shared x axis, a reference series (the baseline) drawn dashed,
 * a second metric of each run dotted in its run's colour (val and train loss together), EMA smoothing, a log y axis,
 * and a hover readout of every series at the pointer's x. Each series is decimated to the
 * plot's pixel columns with {@link M4} before it is stroked, so a million points draw in a few milliseconds and spikes
 * stay visible.
 */
public final class CurveChart extends CanvasPane implements VectorChart {

    /**
     * One series; {@code x} ascends. A {@code second} series is its run's second metric: it follows that run's first,
     * in the same colour, dotted, and the legend names the metric rather than the run again.
     */
    public record Curve(String name, double[] x, double[] y, boolean reference, boolean second) {
        public Curve(String name, double[] x, double[] y, boolean reference) {
            this(name, x, y, reference, false);
        }

        public int size() {
            return Math.min(x.length, y.length);
        }
    }

    private static final double[] REFERENCE_DASHES = {6, 4};
    private static final double[] SECOND_DASHES = {2, 3};

    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    /** A tick label's character at the axes' 11 px, a digit's width with some to spare. */
    private static final double TICK_CHAR_WIDTH = 7;
    private static final double TOP = 12;
    private static final double BOTTOM = 40;
    private static final double LEGEND_ROW = 18;
    /** Above this many points per pixel column (after decimation) a series is drawn as pixels rather than stroked. */
    private static final int DENSE_POINTS_PER_COLUMN = 2;

    private final BooleanProperty logY = new SimpleBooleanProperty();
    private final DoubleProperty smoothing = new SimpleDoubleProperty();
    private final StringProperty xLabel = new SimpleStringProperty("step");
    private final StringProperty yLabel = new SimpleStringProperty("");
    private final StringProperty secondLabel = new SimpleStringProperty("");
    private List<Curve> curves = List.of();
    private List<double[]> smoothed = List.of();
    private Scale xScale;
    private Scale yScale;
    private int drawnPoints;
    /** Dense series of this frame, drawn as pixels and put on the canvas as one image (see {@link #strokeDense}). */
    private final PixelLayer pixels = new PixelLayer();
    private boolean densePixels;

    public CurveChart() {
        getStyleClass().add("curve-chart");
        logY.addListener(o -> redraw());
        smoothing.addListener(o -> {
            smoothed = smooth(curves, smoothing.get());
            redraw();
        });
        xLabel.addListener(o -> redraw());
        yLabel.addListener(o -> redraw());
        secondLabel.addListener(o -> redraw());
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> hoverAt(event.getX(), event.getY()));
    }

    public void setCurves(List<Curve> curves) {
        this.curves = List.copyOf(curves);
        this.smoothed = smooth(this.curves, smoothing.get());
        redraw();
    }

    public List<Curve> curves() {
        return curves;
    }

    public BooleanProperty logYProperty() {
        return logY;
    }

    /** EMA weight, 0 (none) to below 1. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public StringProperty yLabelProperty() {
        return yLabel;
    }

    /** The second metric's name, when the series include one (see {@link Curve#second}); "" when they do not. */
    public StringProperty secondLabelProperty() {
        return secondLabel;
    }

    /** How many points the last frame stroked, all series together (after decimation). */
    public int drawnPoints() {
        return drawnPoints;
    }

    private static List<double[]> smooth(List<Curve> curves, double weight) {
        List<double[]> out = new ArrayList<>(curves.size());
        for (Curve curve : curves) {
            out.add(weight <= 0 ? curve.y() : Ema.smooth(curve.y(), curve.size(), weight));
        }
        return out;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        paint(new FxSurface(g), width, height);
    }

    @Override
    public void drawVector(ChartSurface surface) {
        paint(surface, canvas.getWidth(), canvas.getHeight());
    }

    private void paint(ChartSurface s, double width, double height) {
        drawnPoints = 0;
        List<double[]> legendPlaces = legendPlaces(legendEntries(), width, 0);
        double legendHeight = legendPlaces.isEmpty() ? 0 : legendPlaces.getLast()[1] + LEGEND_ROW;
        double plotBottom = height - BOTTOM - legendHeight;
        if (curves.isEmpty() || plotBottom - TOP < 20 || width - LEFT - RIGHT < 20) {
            s.fill(palette.muted());
            s.fontSize(13);
            s.align(TextAlignment.CENTER);
            s.text(curves.isEmpty() ? "Pick runs to see their curves." : "", width / 2, height / 2);
            xScale = null;
            return;
        }
        double[] range = range();
        xScale = Scale.of(range[0], range[1], LEFT, width - RIGHT, false);
        yScale = Scale.of(range[2], range[3], plotBottom, TOP, logY.get());
        axes(s, width, plotBottom);
        // No clip: the axes span every point drawn, and a clip makes the software pipeline rasterize through a mask.
        // Bevel joins, not round: a third cheaper to rasterize, and alike at this width.
        s.lineJoin(StrokeLineJoin.BEVEL);
        int columns = (int) Math.max(1, width - LEFT - RIGHT);
        densePixels = false;
        Color[] colours = colours();
        for (int c = 0; c < curves.size(); c++) {
            stroke(s, curves.get(c), smoothed.get(c), colours[c], columns, width, height);
        }
        if (densePixels) {
            s.image(pixels);
        }
        legend(s, width, plotBottom + BOTTOM - 6, colours);
    }

    private void stroke(ChartSurface s, Curve curve, double[] y, Color colour, int columns, double width, double height) {
        int[] kept = M4.keep(curve.x(), y, curve.size(), xScale.min(), xScale.max(), columns);
        double[] xs = new double[kept.length];
        double[] ys = new double[kept.length];
        int n = 0;
        boolean log = logY.get();
        for (int index : kept) {
            double value = y[index];
            if (!Double.isFinite(value) || (log && value <= 0)) {
                continue;
            }
            xs[n] = xScale.toPixel(curve.x()[index]);
            ys[n] = yScale.toPixel(value);
            n++;
        }
        drawnPoints += n;
        if (!curve.reference() && !curve.second() && n > DENSE_POINTS_PER_COLUMN * columns && s.pixels()) {
            strokeDense(xs, ys, n, colour, width, height);
            return;
        }
        s.stroke(colour);
        s.lineWidth(curve.reference() ? 1.5 : 1.6);
        s.dashes(dashes(curve));
        if (n == 1) {
            s.fill(colour);
            s.fillOval(xs[0] - 2.5, ys[0] - 2.5, 5, 5);
        } else {
            s.polyline(xs, ys, n);
        }
        s.dashes();
    }

    /**
     * A series with several points to each pixel column, drawn as two-pixel lines straight into pixels: after M4 its
     * segments are mostly a column's vertical sweep, which the pipeline's antialiased stroke rasterizes at many times
     * the cost (a 1M-point curve's frame was two-thirds stroke) for no visible gain.
     */
    private void strokeDense(double[] xs, double[] ys, int n, Color colour, double width, double height) {
        if (!densePixels) {
            pixels.clear((int) width, (int) height);
            densePixels = true;
        }
        for (int i = 1; i < n; i++) {
            boolean steep = Math.abs(ys[i] - ys[i - 1]) > Math.abs(xs[i] - xs[i - 1]);
            double dx = steep ? 1 : 0;
            double dy = steep ? 0 : 1;
            pixels.line(xs[i - 1], ys[i - 1], xs[i], ys[i], colour, 1);
            pixels.line(xs[i - 1] + dx, ys[i - 1] + dy, xs[i] + dx, ys[i] + dy, colour, 1);
        }
    }

    /** x min, x max, y min, y max over every series (positive values only on a log axis). */
    private double[] range() {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        boolean log = logY.get();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            double[] y = smoothed.get(c);
            for (int i = 0; i < curve.size(); i++) {
                double value = y[i];
                if (!Double.isFinite(value) || (log && value <= 0)) {
                    continue;
                }
                x0 = Math.min(x0, curve.x()[i]);
                x1 = Math.max(x1, curve.x()[i]);
                y0 = Math.min(y0, value);
                y1 = Math.max(y1, value);
            }
        }
        if (x0 > x1) {
            return new double[] {0, 1, 0, 1};
        }
        return new double[] {x0, x1, y0, y1};
    }

    private void axes(ChartSurface s, double width, double plotBottom) {
        s.fontSize(11);
        s.lineWidth(1);
        s.dashes();
        for (double tick : yScale.ticks(6)) {
            double y = Math.round(yScale.toPixel(tick)) + 0.5;
            s.stroke(palette.grid());
            s.line(LEFT, y, width - RIGHT, y);
            s.fill(palette.muted());
            s.align(TextAlignment.RIGHT);
            s.text(Scale.label(tick), LEFT - 6, y + 4);
        }
        for (double tick : xScale.ticks(Math.max(2, (int) ((width - LEFT) / 90)))) {
            double x = Math.round(xScale.toPixel(tick)) + 0.5;
            s.stroke(palette.grid());
            s.line(x, TOP, x, plotBottom);
            s.fill(palette.muted());
            String label = Scale.label(tick);
            // A label centred on a tick at the plot's right end ran past the chart's edge (the "2400" of 24000).
            boolean atEdge = x + label.length() * TICK_CHAR_WIDTH / 2 > width;
            s.align(atEdge ? TextAlignment.RIGHT : TextAlignment.CENTER);
            s.text(label, atEdge ? width - 1 : x, plotBottom + 14);
        }
        s.fill(palette.muted());
        s.align(TextAlignment.CENTER);
        s.text(xLabel.get(), LEFT + (width - LEFT - RIGHT) / 2, plotBottom + 28);
        String metrics = hasSecond() ? yLabel.get() + " · " + secondLabel.get() : yLabel.get();
        s.verticalText(metrics + (logY.get() ? " (log)" : ""), 12, TOP + (plotBottom - TOP) / 2);
    }

    /**
     * Where each of {@code count} legend entries goes on a chart {@code width} wide, the legend's top at {@code top}:
     * entries 220 pixels apart, a row wrapped before an entry would run past the edge (but never before a row's first).
     */
    static List<double[]> legendPlaces(int count, double width, double top) {
        double[] widths = new double[count];
        java.util.Arrays.fill(widths, 220);
        // An entry needs 200 of its 220 pixels: the last one in a row may end 20 past the edge of its spacing.
        List<double[]> places = LegendFlow.places(widths, LEFT, width + 20, LEGEND_ROW);
        places.forEach(place -> place[1] += top);
        return places;
    }

    /**
     * The legend: each run's first series by its name; with a second metric, then a key of the two line styles by
     * metric, where a run's second series would only repeat its name.
     */
    private void legend(ChartSurface s, double width, double top, Color[] colours) {
        s.fontSize(12);
        s.align(TextAlignment.LEFT);
        List<double[]> places = legendPlaces(legendEntries(), width, top);
        int entry = 0;
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            if (!curve.second()) {
                legendEntry(s, places.get(entry++), colours[i], dashes(curve), curve.name());
            }
        }
        if (hasSecond()) {
            legendEntry(s, places.get(entry++), palette.ink(), null, yLabel.get());
            legendEntry(s, places.get(entry), palette.ink(), SECOND_DASHES, secondLabel.get());
        }
    }

    private void legendEntry(ChartSurface s, double[] place, Color colour, double[] dashes, String text) {
        double x = place[0];
        double y = place[1];
        s.stroke(colour);
        s.lineWidth(2);
        s.dashes(dashes);
        s.line(x, y + 6, x + 18, y + 6);
        s.dashes();
        s.fill(palette.ink());
        s.text(ellipsize(text, 28), x + 24, y + 10);
    }

    private int legendEntries() {
        int firsts = (int) curves.stream().filter(curve -> !curve.second()).count();
        return hasSecond() ? firsts + 2 : firsts;
    }

    private boolean hasSecond() {
        return curves.stream().anyMatch(Curve::second);
    }

    /** Each series' colour: the baseline's muted, each run's the next of the palette, its second series the same. */
    private Color[] colours() {
        Color[] colours = new Color[curves.size()];
        int next = 0;
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            colours[c] = curve.reference() ? palette.muted()
                    : curve.second() && c > 0 ? colours[c - 1] : ChartPalette.series(next++);
        }
        return colours;
    }

    private static double[] dashes(Curve curve) {
        return curve.second() ? SECOND_DASHES : curve.reference() ? REFERENCE_DASHES : null;
    }

    /** At most {@code max} characters, cut between code points (an emoji is two chars, and half of one is not text). */
    private static String ellipsize(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private void hoverAt(double px, double py) {
        if (xScale == null || px < LEFT || px > canvas.getWidth() - RIGHT) {
            hideHover();
            return;
        }
        double x = xScale.toValue(px);
        StringBuilder text = new StringBuilder(xLabel.get() + " " + Scale.label(x));
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            int index = M4.lowerBound(curve.x(), curve.size(), x);
            if (index >= curve.size()) {
                index = curve.size() - 1;
            }
            if (index > 0 && Math.abs(curve.x()[index - 1] - x) < Math.abs(curve.x()[index] - x)) {
                index--;
            }
            if (index >= 0) {
                text.append('\n').append(ellipsize(curve.name(), 32))
                        .append(curve.second() ? " · " + secondLabel.get() : "").append(": ")
                        .append(String.format(Locale.ROOT, "%.4g", smoothed.get(c)[index]));
            }
        }
        showHover(text.toString(), px, py);
    }
}
