package dev.groundwork.views.charts;

import dev.groundwork.model.analytics.Direction;
import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.model.analytics.RewardPlot.EpochLine;
import dev.groundwork.model.analytics.RewardPlot.Kind;
import dev.groundwork.model.analytics.RewardPlot.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Reward per epoch: every finished run a dot (repeats hollow), failed and invalid runs as crosses in a strip under the
 * plot, the best reward so far as a step line, each epoch's median, and the baseline as a dashed reference line. The
 * y axis says which way is better. Hovering a run names its idea; clicking it opens the idea.
 */
public final class RewardChart extends CanvasPane implements VectorChart {

    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 14;
    private static final double BOTTOM = 58;
    private static final double LEGEND_ROW = 16;
    /** The legend's entries' widths: a run, best so far, epoch median, baseline, failed or invalid. */
    private static final double[] LEGEND_WIDTHS = {100, 104, 118, 84, 116};
    private static final double STRIP = 18;
    private static final double HIT = 7;
    /** Above this many runs their marks are written into pixels rather than drawn one by one (see {@link #denseMark}). */
    private static final int DENSE_MARKS = 1_500;

    private RewardPlot.Lane lane = new RewardPlot.Lane(List.of(), List.of());
    private Double baseline;
    /** What the chart says when a promotion replaced the baseline and its code has not been scored yet. */
    static final String BASELINE_UNSCORED = "baseline not scored yet (promoted code)";
    private Double formerBaseline;
    private Direction direction = Direction.MAXIMIZE;
    private LongConsumer onOpen = id -> { };
    private final List<Drawn> drawn = new ArrayList<>();
    private OffThread offThread = OffThread.NOW;
    /** The dense marks last written off the FX thread, drawn while what they were written for is still what is shown. */
    private Marks marks;
    /**
     * The marks written before those, kept too: when the window's layout goes back and forth between two sizes (a
     * status-bar entry for the worker's task comes and goes), each size finds its marks rather than asking again.
     */
    private Marks earlier;
    /** What the marks being written now are for; null when none are being written. */
    private MarksFor writing;
    /** Counts the requests for marks, so that marks written for an older frame than the last asked for are dropped. */
    private long asked;
    /** Whether a frame is being drawn: marks handed back within it (written at once) are drawn by that frame. */
    private boolean drawing;

    /** Where a run's mark was drawn, for hover and click. */
    private record Drawn(Point point, double x, double y) {}

    /** What a frame's dense marks depend on: the runs, the canvas's size, the axes and the theme's colours. */
    private record MarksFor(RewardPlot.Lane lane, int width, int height, Scale x, Scale y, double stripY, Color muted,
                            Color bad) {}

    /** A frame's dense marks, written into pixels, and where each run's mark is. */
    private record Marks(MarksFor made, PixelLayer pixels, List<Drawn> drawn) {}

    public RewardChart() {
        getStyleClass().add("reward-chart");
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> {
            Drawn hit = hit(event.getX(), event.getY());
            if (hit == null) {
                hideHover();
            } else {
                showHover(describe(hit.point()), event.getX(), event.getY());
            }
            setCursor(hit == null ? javafx.scene.Cursor.DEFAULT : javafx.scene.Cursor.HAND);
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            Drawn hit = hit(event.getX(), event.getY());
            if (hit != null && event.getButton() == MouseButton.PRIMARY) {
                onOpen.accept(hit.point().ideaId());
            }
        });
    }

    public void show(RewardPlot.Lane lane, Double baseline, Direction direction) {
        show(lane, baseline, null, direction);
    }

    /**
     * @param formerBaseline the score of the baseline last promoted over, drawn faintly as history; the reference line
     *                       is {@code baseline} alone, absent until the promoted code has been scored
     */
    public void show(RewardPlot.Lane lane, Double baseline, Double formerBaseline, Direction direction) {
        this.lane = lane;
        this.baseline = baseline;
        this.formerBaseline = formerBaseline;
        this.direction = direction;
        redraw();
    }

    /**
     * Where the marks of a large study (more than {@value #DENSE_MARKS} runs) are written into pixels: the page's task
     * executor, so that the FX thread only puts the finished image on the canvas. Until they arrive the chart shows its
     * axes and lines without the marks.
     */
    public void setOffThread(OffThread offThread) {
        this.offThread = offThread;
    }

    /** Called with an idea's id when its run is clicked. */
    public void setOnOpen(LongConsumer onOpen) {
        this.onOpen = onOpen;
    }

    /** Where each run's mark is, in the chart's coordinates (tests click them). */
    public List<javafx.geometry.Point2D> marks() {
        return drawn.stream().map(d -> new javafx.geometry.Point2D(d.x(), d.y())).toList();
    }

    /** What hovering at this point of the chart shows; empty where no run is. */
    public String hoverTextAt(javafx.geometry.Point2D point) {
        Drawn hit = hit(point.getX(), point.getY());
        return hit == null ? "" : describe(hit.point());
    }

    public int pointCount() {
        return drawn.size();
    }

    static String describe(Point point) {
        String outcome = switch (point.kind()) {
            case COUNTED -> "reward " + format(point.reward());
            case REPEAT -> "repeat, reward " + format(point.reward()) + " (not counted)";
            case FAILED -> "failed: " + point.failure();
            case INVALID -> "no valid reward: " + point.failure();
        };
        return point.label() + "\nepoch " + point.epoch() + " · run " + point.runId() + " · " + outcome;
    }

    private static String format(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.4g", value);
    }

    private Drawn hit(double x, double y) {
        Drawn best = null;
        double bestDistance = HIT * HIT;
        for (Drawn d : drawn) {
            double distance = (d.x() - x) * (d.x() - x) + (d.y() - y) * (d.y() - y);
            if (distance <= bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        drawn.clear();
        paint(new FxSurface(g), width, height, drawn);
    }

    @Override
    public void drawVector(ChartSurface surface) {
        paint(surface, canvas.getWidth(), canvas.getHeight(), new ArrayList<>());
    }

    /** Draws the chart on {@code s}, noting where each run's mark went in {@code marksAt}. */
    private void paint(ChartSurface s, double width, double height, List<Drawn> marksAt) {
        List<double[]> legend = legendPlaces(width);
        double plotBottom = height - BOTTOM - legend.getLast()[1];
        if (lane.points().isEmpty() || plotBottom - TOP < 20) {
            s.fill(palette.muted());
            s.fontSize(13);
            s.align(TextAlignment.CENTER);
            s.text("No run of an idea has finished yet.", width / 2, height / 2);
            return;
        }
        int firstEpoch = lane.points().stream().mapToInt(Point::epoch).min().orElse(0);
        int lastEpoch = lane.points().stream().mapToInt(Point::epoch).max().orElse(0);
        double lo = baseline == null ? Double.POSITIVE_INFINITY : baseline;
        double hi = baseline == null ? Double.NEGATIVE_INFINITY : baseline;
        if (formerBaseline != null) {
            lo = Math.min(lo, formerBaseline);
            hi = Math.max(hi, formerBaseline);
        }
        boolean anyFailed = false;
        for (Point point : lane.points()) {
            if (point.reward() != null) {
                lo = Math.min(lo, point.reward());
                hi = Math.max(hi, point.reward());
            } else {
                anyFailed = true;
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double pad = (hi - lo) * 0.06;
        Scale x = Scale.of(firstEpoch - 0.5, lastEpoch + 0.5, LEFT, width - RIGHT, false);
        Scale y = Scale.of(lo - pad, hi + pad, plotBottom, TOP, false);
        axes(s, x, y, firstEpoch, lastEpoch, width, plotBottom);
        double columnWidth = (x.toPixel(1) - x.toPixel(0)) * 0.6;
        if (formerBaseline != null) {
            double fy = y.toPixel(formerBaseline);
            s.stroke(palette.muted().deriveColor(0, 1, 1, 0.45));
            s.lineWidth(1);
            s.dashes(2, 4);
            s.line(LEFT, fy, width - RIGHT, fy);
            s.dashes();
            s.fill(palette.muted());
            s.align(TextAlignment.LEFT);
            s.text("former baseline " + format(formerBaseline), LEFT + 4, fy - 4);
        }
        if (baseline == null && formerBaseline != null) {
            // The card above says the same: the promoted code is the baseline now and has no score yet.
            s.fill(palette.muted());
            s.align(TextAlignment.RIGHT);
            s.text(BASELINE_UNSCORED, width - RIGHT - 4, TOP + 12);
        }
        if (baseline != null) {
            double by = y.toPixel(baseline);
            s.stroke(palette.muted());
            s.lineWidth(1.2);
            s.dashes(6, 4);
            s.line(LEFT, by, width - RIGHT, by);
            s.dashes();
            s.fill(palette.muted());
            s.align(TextAlignment.RIGHT);
            s.text("baseline " + format(baseline), width - RIGHT - 4, by - 4);
        }
        double stripY = plotBottom + 26;
        if (anyFailed) {
            // The strip's name only where it holds a cross: alone under the axis it read as a run that failed.
            s.fill(palette.muted());
            s.align(TextAlignment.RIGHT);
            s.text("failed", LEFT - 6, stripY + 4);
        }
        if (lane.points().size() > DENSE_MARKS && s.pixels()) {
            MarksFor wanted = new MarksFor(lane, (int) width, (int) height, x, y, stripY, palette.muted(), palette.bad());
            drawing = true;
            try {
                if (ready(wanted) == null) {
                    ask(wanted);
                }
            } finally {
                drawing = false;
            }
            Marks shown = ready(wanted);
            if (shown != null) {
                s.image(shown.pixels());
                marksAt.addAll(shown.drawn());
            }
            lines(s, x, y);
            legend(s, legend, plotBottom + 44);
            return;
        }
        for (Point point : lane.points()) {
            double jitter = (jitter(point.runId()) - 0.5) * columnWidth;
            double px = x.toPixel(point.epoch()) + jitter;
            if (point.reward() == null) {
                s.stroke(point.kind() == Kind.INVALID ? palette.muted() : palette.bad());
                s.lineWidth(1.5);
                s.line(px - 3.5, stripY - 3.5, px + 3.5, stripY + 3.5);
                s.line(px - 3.5, stripY + 3.5, px + 3.5, stripY - 3.5);
                marksAt.add(new Drawn(point, px, stripY));
                continue;
            }
            double py = y.toPixel(point.reward());
            Color colour = ChartPalette.series(0);
            if (point.kind() == Kind.REPEAT) {
                s.stroke(colour);
                s.lineWidth(1.2);
                s.strokeOval(px - 3.5, py - 3.5, 7, 7);
            } else {
                s.fill(colour.deriveColor(0, 1, 1, 0.75));
                s.fillOval(px - 4, py - 4, 8, 8);
            }
            marksAt.add(new Drawn(point, px, py));
        }
        lines(s, x, y);
        legend(s, legend, plotBottom + 44);
    }

    /**
     * Asks for the marks of this frame to be written off the FX thread, unless they are being written already; marks
     * that arrive after a later frame asked for others are dropped. The frame that gets them draws itself again.
     */
    private void ask(MarksFor wanted) {
        if (wanted.equals(writing)) {
            return;
        }
        writing = wanted;
        long ticket = ++asked;
        double columnWidth = (wanted.x().toPixel(1) - wanted.x().toPixel(0)) * 0.6;
        whereShown(offThread).run(() -> {
            Marks written = write(wanted, columnWidth);
            return () -> {
                if (ticket != asked) {
                    return; // a later frame asked for other marks
                }
                writing = null;
                earlier = marks;
                marks = written;
                if (!drawing) {
                    redraw();
                }
            };
        });
    }

    /** The marks written for this frame, the last or the ones before; null when neither is. */
    private Marks ready(MarksFor wanted) {
        return marks != null && marks.made().equals(wanted) ? marks
                : earlier != null && earlier.made().equals(wanted) ? earlier : null;
    }

    /** Every run's mark written into pixels of a frame of this size, and where each is (off the FX thread). */
    private static Marks write(MarksFor wanted, double columnWidth) {
        PixelLayer pixels = new PixelLayer();
        pixels.clear(wanted.width(), wanted.height());
        List<Drawn> at = new ArrayList<>(wanted.lane().points().size());
        for (Point point : wanted.lane().points()) {
            double px = wanted.x().toPixel(point.epoch()) + (jitter(point.runId()) - 0.5) * columnWidth;
            double py = point.reward() == null ? wanted.stripY() : wanted.y().toPixel(point.reward());
            denseMark(pixels, point, px, py, wanted);
            at.add(new Drawn(point, px, py));
        }
        pixels.writeImage(); // a new layer, drawn by no canvas yet: the FX thread then only blits it
        return new Marks(wanted, pixels, List.copyOf(at));
    }

    /**
     * A run's mark written into pixels, as {@link #draw} strokes it when there are few: a dot, a ring for a repeat, a
     * cross on the failed strip. Tens of thousands of antialiased ovals kept the renderer busy for a second, and the
     * window waits on the renderer.
     */
    private static void denseMark(PixelLayer pixels, Point point, double px, double py, MarksFor wanted) {
        Color colour = ChartPalette.series(0);
        if (point.reward() == null) {
            Color cross = point.kind() == Kind.INVALID ? wanted.muted() : wanted.bad();
            pixels.line(px - 3.5, py - 3.5, px + 3.5, py + 3.5, cross, 1);
            pixels.line(px - 3.5, py + 3.5, px + 3.5, py - 3.5, cross, 1);
        } else if (point.kind() == Kind.REPEAT) {
            pixels.disc(px, py, 3.5, false, colour, 1);
        } else {
            pixels.disc(px, py, 4, true, colour, 0.75);
        }
    }

    private void lines(ChartSurface s, Scale x, Scale y) {
        List<EpochLine> epochs = lane.epochs();
        s.stroke(palette.accent());
        s.lineWidth(2.2);
        double[] xs = new double[2 * epochs.size()];
        double[] ys = new double[2 * epochs.size()];
        int n = 0;
        for (EpochLine epoch : epochs) {
            if (epoch.bestSoFar() != null) {
                double py = y.toPixel(epoch.bestSoFar());
                xs[n] = x.toPixel(epoch.epoch() - 0.5);
                ys[n++] = py;
                xs[n] = x.toPixel(epoch.epoch() + 0.5);
                ys[n++] = py;
            }
        }
        s.polyline(xs, ys, n);
        s.stroke(ChartPalette.series(1));
        s.lineWidth(1.6);
        n = 0;
        for (EpochLine epoch : epochs) { // an epoch without a median breaks the line
            if (epoch.median() == null) {
                s.polyline(xs, ys, n);
                n = 0;
                continue;
            }
            xs[n] = x.toPixel(epoch.epoch());
            ys[n++] = y.toPixel(epoch.median());
        }
        s.polyline(xs, ys, n);
        s.fill(ChartPalette.series(1));
        for (EpochLine epoch : epochs) {
            if (epoch.median() != null) {
                double px = x.toPixel(epoch.epoch());
                double py = y.toPixel(epoch.median());
                s.fillPolygon(new double[] {px, px + 4, px, px - 4}, new double[] {py - 4, py, py + 4, py}, 4);
            }
        }
    }

    private void axes(ChartSurface s, Scale x, Scale y, int firstEpoch, int lastEpoch, double width, double plotBottom) {
        s.fontSize(11);
        s.lineWidth(1);
        for (double tick : y.ticks(6)) {
            double py = Math.round(y.toPixel(tick)) + 0.5;
            s.stroke(palette.grid());
            s.line(LEFT, py, width - RIGHT, py);
            s.fill(palette.muted());
            s.align(TextAlignment.RIGHT);
            s.text(Scale.label(tick), LEFT - 6, py + 4);
        }
        int every = Math.max(1, (int) Math.ceil((lastEpoch - firstEpoch + 1) / Math.max(1.0, (width - LEFT) / 40)));
        s.align(TextAlignment.CENTER);
        for (int epoch = firstEpoch; epoch <= lastEpoch; epoch += every) {
            s.fill(palette.muted());
            s.text(String.valueOf(epoch), x.toPixel(epoch), plotBottom + 13);
        }
        s.fill(palette.ink());
        s.verticalText(direction.higherIsBetter() ? "reward  (higher is better \u2191)" : "reward  (lower is better \u2193)",
                14, TOP + (plotBottom - TOP) / 2);
    }

    /**
     * Where each legend entry goes, as (x, row's offset down): in one row where the chart is wide enough, wrapped before
     * an entry that would run past its right edge otherwise (two lanes side by side cut "failed or invalid" off).
     */
    static List<double[]> legendPlaces(double width) {
        return LegendFlow.places(LEGEND_WIDTHS, LEFT, width - RIGHT, LEGEND_ROW);
    }

    private void legend(ChartSurface s, List<double[]> places, double top) {
        s.fontSize(12);
        s.align(TextAlignment.LEFT);
        double x = places.get(0)[0];
        double y = top + places.get(0)[1];
        s.fill(ChartPalette.series(0));
        s.fillOval(x, y - 4, 8, 8);
        s.fill(palette.ink());
        s.text("run (epoch)", x + 12, y + 4);
        x = places.get(1)[0];
        y = top + places.get(1)[1];
        s.stroke(palette.accent());
        s.lineWidth(2.2);
        s.line(x, y, x + 18, y);
        s.text("best so far", x + 22, y + 4);
        x = places.get(2)[0];
        y = top + places.get(2)[1];
        s.stroke(ChartPalette.series(1));
        s.lineWidth(1.6);
        s.line(x, y, x + 18, y);
        s.text("epoch median", x + 22, y + 4);
        x = places.get(3)[0];
        y = top + places.get(3)[1];
        s.stroke(palette.muted());
        s.dashes(6, 4);
        s.line(x, y, x + 18, y);
        s.dashes();
        s.text("baseline", x + 22, y + 4);
        x = places.get(4)[0];
        y = top + places.get(4)[1];
        s.stroke(palette.bad());
        s.lineWidth(1.5);
        s.line(x, y - 3.5, x + 7, y + 3.5);
        s.line(x, y + 3.5, x + 7, y - 3.5);
        s.text("failed or invalid", x + 12, y + 4);
    }

    /** A stable offset in [0, 1) per run, so that runs of one epoch spread out the same way every frame. */
    private static double jitter(long runId) {
        long h = runId * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (h >>> 11) * 0x1.0p-53;
    }
}
