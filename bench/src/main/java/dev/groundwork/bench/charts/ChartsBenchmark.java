package dev.groundwork.bench.charts;

import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.charts.RewardChart;
import dev.groundwork.views.charts.SvgFigure;
import dev.groundwork.views.charts.LineageCanvas;
import dev.groundwork.views.common.UiThread;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * What the canvas charts cost per frame on the FX thread, painted (a canvas snapshot forces the software pipeline to
 * rasterize what was drawn): a 1M-point curve decimated with {@link M4} and drawn, against the same curve stroked
 * whole in the same run; and the lineage's first frame (layout, fit, paint) and its pan frames, fitted (dots) and at
 * full size (boxes with labels), and its zoom frames (a gesture's steps, and the sharp frame once it pauses).
 */
public final class ChartsBenchmark {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;

    /** Median and 95th percentile in milliseconds. */
    public record Series(double median, double p95) {
        static Series of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Series(sorted[sorted.length / 2] / 1e6, sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.95) - 1)] / 1e6);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms", median, p95);
        }
    }

    private final UiThread fxThread;

    public ChartsBenchmark(UiThread fxThread) {
        this.fxThread = fxThread;
    }

    /** A 1M-point curve: decimated and drawn, against drawn whole. */
    public String curve(int points, int frames) {
        double[] x = new double[points];
        double[] y = new double[points];
        Random random = new Random(1);
        for (int i = 0; i < points; i++) {
            x[i] = i;
            y[i] = 2 * Math.exp(-i / (points / 5.0)) + 0.8 + 0.05 * random.nextGaussian() + (random.nextInt(50_000) == 0 ? 3 : 0);
        }
        CurveChart chart = onFx(() -> {
            CurveChart made = new CurveChart();
            made.setPrefSize(WIDTH, HEIGHT / 2.0); // a Group sizes its children to their preferred size
            new Scene(new Group(made), WIDTH, HEIGHT / 2.0);
            made.resize(WIDTH, HEIGHT / 2.0);
            made.layout();
            return made;
        });
        long[] decimated = new long[frames];
        long[] whole = new long[frames];
        for (int i = -3; i < frames; i++) { // three to warm up
            long d = onFx(() -> time(() -> {
                chart.setCurves(java.util.List.of(new CurveChart.Curve("bench", x, y, false)));
                chart.snapshot(null, null);
            }));
            long w = onFx(() -> time(() -> strokeWhole(x, y)));
            if (i >= 0) {
                decimated[i] = d;
                whole[i] = w;
            }
        }
        int drawn = onFx(chart::drawnPoints);
        Series fast = Series.of(decimated);
        Series slow = Series.of(whole);
        return String.format(Locale.ROOT, "A %,d-point curve, %d frames at %d×%d: decimated (M4, %,d points kept) and"
                        + " drawn %s; drawn whole %s: %.0f× faster.", points, frames, WIDTH, HEIGHT / 2, drawn, fast, slow,
                slow.median() / fast.median());
    }

    private static void strokeWhole(double[] x, double[] y) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT / 2.0);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = 64 + (x[i] / x.length) * (WIDTH - 80);
            ys[i] = HEIGHT / 2.0 - 40 - (y[i] - 0.5) / 5 * (HEIGHT / 2.0 - 60);
        }
        g.setStroke(Color.STEELBLUE);
        g.strokePolyline(xs, ys, xs.length);
        canvas.snapshot(null, null);
    }

    /**
     * What the reward chart's Export holds the FX thread for: the chart's SVG figure noted (every run a shape), against
     * the PNG's snapshot of the same chart taken in the same run; and the figure written as SVG, which its worker does.
     */
    public String rewardExport(RewardPlot plot, int frames) {
        RewardPlot.Lane lane = plot.lanes().values().iterator().next();
        RewardChart chart = onFx(() -> {
            RewardChart made = new RewardChart();
            made.setPrefSize(WIDTH, HEIGHT / 2.0);
            new Scene(new Group(made), WIDTH, HEIGHT / 2.0);
            made.resize(WIDTH, HEIGHT / 2.0);
            made.layout();
            made.show(lane, plot.baseline(), plot.direction());
            made.snapshot(null, null); // the marks written (at once: no window)
            return made;
        });
        long[] noted = new long[frames];
        long[] png = new long[frames];
        long[] written = new long[frames];
        int[] size = new int[1];
        for (int i = -3; i < frames; i++) { // three to warm up
            SvgFigure[] figure = new SvgFigure[1];
            long n = onFx(() -> time(() -> figure[0] = SvgFigure.of(chart)));
            long p = onFx(() -> time(() -> chart.snapshot(null, null)));
            long w = time(() -> size[0] = figure[0].svg().length());
            if (i >= 0) {
                noted[i] = n;
                png[i] = p;
                written[i] = w;
            }
        }
        Series fx = Series.of(noted);
        Series pixels = Series.of(png);
        return String.format(Locale.ROOT, "The reward chart of %,d runs at %d×%d exported: on the FX thread its SVG"
                        + " figure noted in %s and its PNG's snapshot taken in %s (%.2f× the snapshot); the SVG (%,d KB)"
                        + " then written on the worker in %s.", lane.points().size(), WIDTH, HEIGHT / 2, fx, pixels,
                fx.median() / pixels.median(), size[0] / 1024, Series.of(written));
    }

    /** The lineage's first frame and its pan frames, fitted and at full size. */
    public String lineage(LineageGraph graph, int frames) {
        LineageCanvas canvas = onFx(() -> placed(new LineageCanvas()));
        long first = onFx(() -> time(() -> {
            canvas.show(graph);
            canvas.snapshot(null, null);
        }));
        long[] still = new long[frames];
        for (int i = 0; i < frames; i++) {
            still[i] = onFx(() -> time(() -> canvas.snapshot(null, null)));
        }
        Series paint = Series.of(still);
        int fittedNodes = onFx(canvas::drawnNodes);
        double fittedZoom = onFx(canvas::zoom);
        Series fitted = Series.of(pans(canvas, frames));
        Series fittedZooms = Series.of(zooms(canvas, frames));
        Series fittedSettles = Series.of(settles(canvas, Math.max(3, frames / 4)));
        onFx(() -> {
            canvas.zoomAt(1 / canvas.zoom(), WIDTH / 2.0, HEIGHT / 2.0);
            return null;
        });
        int closeNodes = onFx(canvas::drawnNodes);
        Series close = Series.of(pans(canvas, frames));
        Series closeZooms = Series.of(zooms(canvas, frames));
        Series closeSettles = Series.of(settles(canvas, Math.max(3, frames / 4)));
        Series readBacks = Series.of(firstZooms(canvas, Math.max(3, frames / 8)));
        // The same zoom frames with the renderer scaling the cached tree, the GPU pipelines' way: the baseline.
        LineageCanvas byRenderer = onFx(() -> placed(new LineageCanvas(false)));
        onFx(() -> {
            byRenderer.show(graph);
            byRenderer.zoomAt(1 / byRenderer.zoom(), WIDTH / 2.0, HEIGHT / 2.0);
            return null;
        });
        pans(byRenderer, 3); // paints its cache
        Series rendererZooms = Series.of(zooms(byRenderer, frames));
        Series jumps = Series.of(jumps(canvas, Math.max(3, frames / 4)));
        Series crossings = Series.of(crossings(canvas, Math.max(3, frames / 4)));
        // The page opened again: a fresh canvas, with the JVM's compiler and the pipeline warmed by the frames above.
        long[] again = new long[Math.max(3, frames / 4)];
        for (int i = 0; i < again.length; i++) {
            LineageCanvas fresh = onFx(() -> placed(new LineageCanvas()));
            again[i] = onFx(() -> time(() -> {
                fresh.show(graph);
                fresh.snapshot(null, null);
            }));
        }
        return String.format(Locale.ROOT, "Lineage of %,d nodes at %d×%d: first frame (layout, fit, paint) %.1f ms,"
                        + " on a fresh canvas once warm %s;"
                        + " a pan frame fitted (%,d nodes as blocks, zoom %.3f) %s; a zoom frame fitted (a wheel step in"
                        + " or out) %s, the sharp frame once the zoom settles %s; at full size (%,d boxes with labels)"
                        + " a pan frame %s, a zoom frame %s (%.1f× faster than the renderer scaling the cached tree, %s),"
                        + " the first of a gesture, which reads the cached tree back, %s, the sharp frame %s;"
                        + " a pan of a whole view at full size,"
                        + " which paints the cached tree again, %s; a wheel step from zoom 0.2 into the boxes' zoom (0.5),"
                        + " which paints the cached tree again, %s; the same canvas snapshotted without drawing (the"
                        + " paint's floor) %s.", graph.size(), WIDTH, HEIGHT, first / 1e6, Series.of(again), fittedNodes, fittedZoom,
                fitted, fittedZooms, fittedSettles, closeNodes, close, closeZooms,
                rendererZooms.median() / closeZooms.median(), rendererZooms, readBacks, closeSettles, jumps, crossings, paint);
    }

    /** The canvas in a scene of its own, laid out at the bench's size. */
    private static LineageCanvas placed(LineageCanvas made) {
        made.setPrefSize(WIDTH, HEIGHT);
        new Scene(new Group(made), WIDTH, HEIGHT);
        made.resize(WIDTH, HEIGHT);
        made.layout();
        return made;
    }

    /**
     * Steps of a zoom gesture about the centre, four in then four out, as a wheel turned one way and back gives them.
     * Two in eight land on the zoom the cached tree was painted at, which the renderer draws unscaled; in and out in
     * turn, half the frames did, and the median fell between the two kinds of frame.
     */
    private long[] zooms(LineageCanvas canvas, int frames) {
        long[] nanos = new long[frames];
        for (int i = -3; i < frames; i++) {
            double factor = Math.floorMod(i, 8) < 4 ? 1.1 : 1 / 1.1;
            long took = onFx(() -> time(() -> {
                canvas.zoomGesture(factor, WIDTH / 2.0, HEIGHT / 2.0);
                canvas.snapshot(null, null);
            }));
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return nanos;
    }

    /**
     * A gesture's first frame after the cached tree was painted again (a pan of a whole view) and drawn: the frame that
     * reads the cache back, on the software pipeline.
     */
    private long[] firstZooms(LineageCanvas canvas, int frames) {
        long[] nanos = new long[frames];
        for (int i = 0; i < frames; i++) {
            double step = i % 2 == 0 ? -HEIGHT : HEIGHT;
            double factor = i % 2 == 0 ? 1.1 : 1 / 1.1; // in and out in turn: the series after these find the zoom as it was
            onFx(() -> {
                canvas.settleZoom();
                canvas.panBy(0, step);
                canvas.snapshot(null, null); // the frame a window's renderer would draw meanwhile
                return null;
            });
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            nanos[i] = onFx(() -> time(() -> {
                canvas.zoomGesture(factor, WIDTH / 2.0, HEIGHT / 2.0);
                canvas.snapshot(null, null);
            }));
        }
        onFx(() -> {
            canvas.settleZoom();
            return null;
        });
        return nanos;
    }

    /** The frame painted sharp when a zoom gesture pauses, after a wheel step each time. */
    private long[] settles(LineageCanvas canvas, int frames) {
        long[] nanos = new long[frames];
        for (int i = 0; i < frames; i++) {
            double factor = i % 2 == 0 ? 1.1 : 1 / 1.1;
            onFx(() -> {
                canvas.zoomGesture(factor, WIDTH / 2.0, HEIGHT / 2.0);
                return null;
            });
            nanos[i] = onFx(() -> time(() -> {
                canvas.settleZoom();
                canvas.snapshot(null, null);
            }));
        }
        return nanos;
    }

    /** Pans of a whole view down the tree: each leaves the cached margin, so the cache is painted again. */
    private long[] jumps(LineageCanvas canvas, int frames) {
        long[] nanos = new long[frames];
        for (int i = 0; i < frames; i++) {
            double step = i % 2 == 0 ? -HEIGHT : HEIGHT;
            nanos[i] = onFx(() -> time(() -> {
                canvas.panBy(0, step);
                canvas.snapshot(null, null);
            }));
        }
        return nanos;
    }

    /**
     * A wheel step from zoom 0.2, where nodes are blocks, to 0.5, where a still view draws them as boxes with labels:
     * further than the cached tree can be shown scaled, so the step paints it again.
     */
    private long[] crossings(LineageCanvas canvas, int frames) {
        long[] nanos = new long[frames];
        for (int i = -3; i < frames; i++) {
            long took = onFx(() -> {
                canvas.zoomAt(0.2 / canvas.zoom(), WIDTH / 2.0, HEIGHT / 2.0);
                canvas.settleZoom(); // ends the gesture before: the next step begins one
                canvas.panBy(1, 1); // the cached tree painted at 0.2
                canvas.panBy(-1, -1);
                return time(() -> {
                    canvas.zoomGesture(2.5, WIDTH / 2.0, HEIGHT / 2.0);
                    canvas.snapshot(null, null);
                });
            });
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return nanos;
    }

    private long[] pans(LineageCanvas canvas, int frames) {
        long[] nanos = new long[frames];
        for (int i = -3; i < frames; i++) {
            double step = i % 2 == 0 ? 7 : -7;
            long took = onFx(() -> time(() -> {
                canvas.panBy(step, step / 2);
                canvas.snapshot(null, null);
            }));
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return nanos;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private <T> T onFx(Supplier<T> work) {
        return fxThread.call(work);
    }
}
