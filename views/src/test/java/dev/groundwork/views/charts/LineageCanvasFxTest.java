package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.views.fakes.LineageStudy;
import dev.groundwork.views.fakes.TestWindow;
import java.nio.file.Path;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A pan frame draws the tree from the cached image at an offset: what it shows must be what painting the tree afresh
 * at the same view shows, zoomed in (boxes) and zoomed out (blocks), also after the pan left the cached margin.
 */
@ExtendWith(ApplicationExtension.class)
class LineageCanvasFxTest {

    @TempDir
    Path temp;

    private final TestWindow window = new TestWindow();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aTreeLaidOutOffTheFxThreadIsFittedAndShownWhenItsLayoutArrives() throws Exception {
        LineageGraph graph = fixtureGraph();
        java.util.List<java.util.function.Supplier<Runnable>> queued = new java.util.ArrayList<>();
        LineageCanvas canvas = new LineageCanvas();
        canvas.setOffThread(queued::add);
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        WaitForAsyncUtils.asyncFx(() -> canvas.show(graph)).get();

        assertThat(queued).as("the layout is asked for, not worked out on the FX thread").hasSize(1);
        assertThat(canvas.screenPoint(LineageGraph.BASELINE)).as("nothing laid out before the layout arrives").isNull();
        Runnable apply = queued.getFirst().get(); // the worker's part, here on the test's thread
        WaitForAsyncUtils.asyncFx(apply).get();

        assertThat(canvas.drawnNodes()).as("the baseline and four ideas, fitted").isEqualTo(5);
        assertThat(canvas.screenPoint(LineageGraph.BASELINE)).isNotNull();
    }

    @Test
    void aKeyboardZoomIsKeptWhenTheCanvasIsResized(org.testfx.api.FxRobot robot) throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = new LineageCanvas();
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(canvas);
        window.show(() -> box, 700, 500);
        WaitForAsyncUtils.asyncFx(() -> canvas.show(graph)).get();
        WaitForAsyncUtils.waitForFxEvents();
        double fitted = canvas.zoom();

        robot.clickOn(canvas);
        robot.type(javafx.scene.input.KeyCode.PLUS);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = canvas.zoom();
        assertThat(zoomed).isGreaterThan(fitted * 1.2);
        // A selection opens the side panel, which narrows the canvas: that once fitted the tree again.
        WaitForAsyncUtils.asyncFx(() -> canvas.setMaxWidth(500)).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(canvas.getWidth()).isEqualTo(500);
        assertThat(canvas.zoom()).as("the researcher's zoom kept").isEqualTo(zoomed);
    }

    @Test
    void aResizedCanvasIsDrawnOnceWithTheTreeFittedToItsNewSize() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = shown(graph, 700, 500);
        int before = canvas.framesDrawn();

        WaitForAsyncUtils.asyncFx(() -> canvas.setMaxWidth(500)).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D resized = canvas.screenPoint(LineageGraph.BASELINE);

        // Drawn at the old placement first, then fitted and drawn again, a ten-thousand-node tree took twice as long.
        assertThat(canvas.framesDrawn() - before).as("one frame for the new size").isEqualTo(1);
        WaitForAsyncUtils.asyncFx(canvas::fitAgain).get();
        assertThat(canvas.screenPoint(LineageGraph.BASELINE)).as("that frame was already fitted").isEqualTo(resized);
    }

    @Test
    void aTreeFittedSmallStillKeepsAMarginOfPixelsFromTheViewsEdges() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = shown(graph, 260, 500);

        assertThat(canvas.zoom()).as("fitted well under life size").isLessThan(0.5);
        double half = LayeredLayout.NODE_WIDTH * canvas.zoom() / 2;
        double left = graph.nodes().stream().mapToDouble(node -> canvas.screenPoint(node.id()).getX() - half).min()
                .orElseThrow();
        double right = graph.nodes().stream().mapToDouble(node -> canvas.screenPoint(node.id()).getX() + half).max()
                .orElseThrow();
        // 40 of the tree's units each side had been 10 pixels at this zoom, and 4 at a 10,000-idea tree's.
        assertThat(left).as("the baseline clear of the left edge").isGreaterThanOrEqualTo(23.5);
        assertThat(right).as("the last epoch clear of the right edge").isLessThanOrEqualTo(canvas.getWidth() - 23.5);
    }

    @Test
    void aLayoutThatArrivesAfterANewerTreeWasAskedForIsDropped() throws Exception {
        LineageGraph older = fixtureGraph();
        LineageGraph newer = LineageGraph.of(new dev.groundwork.model.analytics.StudyFacts(java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.Map.of(), java.util.Map.of(),
                dev.groundwork.model.analytics.Direction.MAXIMIZE), "baseline");
        java.util.List<java.util.function.Supplier<Runnable>> queued = new java.util.ArrayList<>();
        LineageCanvas canvas = new LineageCanvas();
        canvas.setOffThread(queued::add);
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.show(older);
            canvas.show(newer);
        }).get();
        Runnable late = queued.get(0).get();
        Runnable last = queued.get(1).get();

        WaitForAsyncUtils.asyncFx(last).get();
        WaitForAsyncUtils.asyncFx(late).get();

        assertThat(canvas.drawnNodes()).as("the newer tree, the baseline alone").isEqualTo(1);
    }

    @Test
    void zoomedOutTheBlocksAreWrittenOffTheFxThreadAndASelectionDrawsOverThemWithoutWritingThemAgain() throws Exception {
        LineageGraph graph = fixtureGraph();
        java.util.List<java.util.function.Supplier<Runnable>> queued = new java.util.ArrayList<>();
        LineageCanvas canvas = new LineageCanvas();
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.show(graph); // laid out at once: no worker yet
            canvas.setOffThread(queued::add);
            canvas.zoomAt(0.3 / canvas.zoom(), 350, 250);
        }).get();
        assertThat(queued).as("the zoomed-out view's blocks are asked for").hasSize(1);
        int[] before = WaitForAsyncUtils.asyncFx(() -> pixels(canvas)).get();
        Runnable apply = queued.getFirst().get();
        int[] after = WaitForAsyncUtils.asyncFx(() -> {
            apply.run();
            return pixels(canvas);
        }).get();
        assertThat(canvas.drawnNodes()).isEqualTo(5);
        assertThat(inked(after)).as("the blocks arrived and are drawn").isGreaterThan(inked(before));

        int[] selected = WaitForAsyncUtils.asyncFx(() -> {
            canvas.selectedProperty().set(graph.bestPath().getLast());
            return pixels(canvas);
        }).get();

        assertThat(queued).as("a selection draws over the same blocks").hasSize(1);
        assertThat(java.util.Arrays.equals(selected, after)).as("the selected node is outlined").isFalse();
    }

    @Test
    void aSelectionInAStillViewDrawsOnlyThePickedBoxesAndLooksAsTheTreePaintedWithIt() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = new LineageCanvas();
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        WaitForAsyncUtils.asyncFx(() -> canvas.show(graph)).get();
        long node = graph.bestPath().getLast();
        int framesBefore = WaitForAsyncUtils.asyncFx(canvas::framesDrawn).get();

        int[] selected = WaitForAsyncUtils.asyncFx(() -> {
            canvas.selectedProperty().set(node);
            return pixels(canvas);
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(canvas::framesDrawn).get()).as("the tree's canvas is not drawn again")
                .isEqualTo(framesBefore);
        int[] repainted = WaitForAsyncUtils.asyncFx(() -> {
            canvas.redraw();
            return pixels(canvas);
        }).get();
        assertThat(selected).as("the same as the whole tree drawn with the node selected").isEqualTo(repainted);

        int[] cleared = WaitForAsyncUtils.asyncFx(() -> {
            canvas.selectedProperty().set(null);
            return pixels(canvas);
        }).get();
        assertThat(java.util.Arrays.equals(cleared, selected)).as("the outline goes with the selection").isFalse();
    }

    private static int inked(int[] pixels) {
        int inked = 0;
        for (int pixel : pixels) {
            inked += pixel == pixels[0] ? 0 : 1;
        }
        return inked;
    }

    /** A canvas alone in a window {@code width} by {@code height}, showing {@code graph} laid out and drawn. */
    private LineageCanvas shown(LineageGraph graph, double width, double height) throws Exception {
        LineageCanvas canvas = new LineageCanvas();
        window.show(() -> new javafx.scene.layout.StackPane(canvas), width, height);
        WaitForAsyncUtils.asyncFx(() -> canvas.show(graph)).get();
        WaitForAsyncUtils.waitForFxEvents();
        return canvas;
    }

    private LineageGraph fixtureGraph() throws Exception {
        try (LineageStudy fixture = new LineageStudy(temp)) {
            StudyAnalytics analytics = new StudyAnalytics(fixture.study);
            return analytics.lineage(analytics.facts());
        }
    }

    @Test
    void aPanFrameShowsWhatAFreshPaintShows() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = shown(graph, 700, 500);

        for (double zoom : new double[] {1, 0.3}) {
            WaitForAsyncUtils.asyncFx(() -> canvas.zoomAt(zoom / canvas.zoom(), 350, 250)).get();
            for (double[] step : new double[][] {{7, 3}, {-40, 25}, {300, -180}, {-600, 90}}) {
                int[] panned = WaitForAsyncUtils.asyncFx(() -> {
                    canvas.panBy(step[0], step[1]);
                    return pixels(canvas);
                }).get();
                int[] fresh = WaitForAsyncUtils.asyncFx(() -> {
                    canvas.redraw();
                    return pixels(canvas);
                }).get();
                int differ = 0;
                int inked = 0;
                for (int i = 0; i < fresh.length; i++) {
                    differ += panned[i] == fresh[i] ? 0 : 1;
                    inked += fresh[i] == fresh[0] ? 0 : 1;
                }
                assertThat(inked).as("the view shows something at zoom %s after %s", zoom, step[0]).isPositive();
                assertThat(differ).as("pixels unlike a fresh paint at zoom %s after a pan of %s", zoom, step[0])
                        .isLessThanOrEqualTo(fresh.length / 1000);
            }
        }
    }

    @Test
    void zoomedOutAPanPastTheCacheAsksForItsBlocksOnceOffTheFxThreadAndShowsThemWhenTheyCome() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = shown(graph, 700, 500);
        java.util.List<java.util.function.Supplier<Runnable>> queued = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomAt(0.3 / canvas.zoom(), 350, 250); // painted at once: no worker yet
            canvas.setOffThread(queued::add);
        }).get();

        int[] meanwhile = WaitForAsyncUtils.asyncFx(() -> {
            canvas.panBy(-20, 8); // the cache holds nothing yet
            return pixels(canvas);
        }).get();
        WaitForAsyncUtils.asyncFx(() -> canvas.panBy(-20, 8)).get();
        assertThat(queued).as("the cache's blocks, asked for once while they are written").hasSize(1);
        assertThat(inked(meanwhile)).as("the last blocks stand in meanwhile").isPositive();

        Runnable apply = queued.getFirst().get(); // the worker's part, here on the test's thread
        int[] arrived = WaitForAsyncUtils.asyncFx(() -> {
            apply.run();
            return pixels(canvas);
        }).get();
        assertThat(canvas.cacheLayerShown()).as("the cache is painted with them and shown").isTrue();
        int[] fresh = WaitForAsyncUtils.asyncFx(() -> {
            canvas.setOffThread(OffThread.NOW);
            canvas.redraw();
            return pixels(canvas);
        }).get();
        int differ = 0;
        for (int i = 0; i < fresh.length; i++) {
            differ += arrived[i] == fresh[i] ? 0 : 1;
        }
        assertThat(differ).as("pixels unlike a fresh paint, the view moved on since the blocks were asked for")
                .isLessThanOrEqualTo(fresh.length / 1000);
    }

    @Test
    void blocksForTheCacheThatComeAfterTheTreeWasPaintedStillAreNotShownOverIt() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = shown(graph, 700, 500);
        java.util.List<java.util.function.Supplier<Runnable>> queued = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomAt(0.3 / canvas.zoom(), 350, 250);
            canvas.setOffThread(queued::add);
            canvas.panBy(-20, 8);
        }).get();
        assertThat(queued).hasSize(1);

        // A still frame at full size: the chart paints the boxes itself, asking for nothing.
        WaitForAsyncUtils.asyncFx(() -> canvas.zoomAt(1 / canvas.zoom(), 350, 250)).get();
        assertThat(queued).hasSize(1);
        Runnable late = queued.getFirst().get();
        WaitForAsyncUtils.asyncFx(late).get();

        assertThat(canvas.cacheLayerShown()).as("the cache, whose blocks came late, stays hidden").isFalse();
    }

    @Test
    void aPanFrameMovesTheCachedLayerAndTheChartsOwnCanvasDrawsNoTree() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = new LineageCanvas();
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        WaitForAsyncUtils.asyncFx(() -> canvas.show(graph)).get();
        WaitForAsyncUtils.asyncFx(() -> canvas.zoomAt(1 / canvas.zoom(), 350, 250)).get();

        int[][] seen = WaitForAsyncUtils.asyncFx(() -> {
            canvas.panBy(-30, 12);
            javafx.scene.SnapshotParameters clear = new javafx.scene.SnapshotParameters();
            clear.setFill(javafx.scene.paint.Color.TRANSPARENT);
            return new int[][] {pixels(canvas), pixels(canvas.canvas.snapshot(clear, null))};
        }).get();
        int shown = 0;
        int own = 0;
        for (int i = 0; i < seen[0].length; i++) {
            shown += seen[0][i] == seen[0][0] ? 0 : 1;
            // Between the epoch headers and the legend, the chart's canvas is clear: the layer under it shows the tree.
            own += i / 700 > 24 && i / 700 < 500 - 120 && (seen[1][i] >>> 24) != 0 ? 1 : 0;
        }
        assertThat(shown).as("the pan frame shows the tree").isPositive();
        assertThat(own).as("tree pixels the FX thread rasterized onto the chart's canvas").isZero();
    }

    @Test
    void aViewNarrowedAfterAPanShowsTheCachedTreeAndOneWidenedPastItPaintsTheTree() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = new LineageCanvas();
        canvas.setManaged(false); // sized by the test alone, as a side panel opening beside it does
        window.show(() -> new javafx.scene.layout.Pane(canvas), 1000, 500);
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.resize(700, 500);
            canvas.layout();
            canvas.show(graph);
            canvas.zoomAt(1 / canvas.zoom(), 350, 250);
            canvas.panBy(-30, 12); // the tree now comes from the cache
        }).get();

        int[][] narrowed = WaitForAsyncUtils.asyncFx(() -> {
            canvas.resize(600, 500);
            canvas.layout();
            return new int[][] {pixels(canvas), pixels(ownCanvas(canvas))};
        }).get();
        int[] fresh = WaitForAsyncUtils.asyncFx(() -> {
            canvas.redraw();
            return pixels(canvas);
        }).get();
        assertThat(treePixels(narrowed[1], 600)).as("tree pixels the FX thread rasterized for the narrower view").isZero();
        int differ = 0;
        for (int i = 0; i < fresh.length; i++) {
            differ += narrowed[0][i] == fresh[i] ? 0 : 1;
        }
        assertThat(differ).as("pixels unlike the tree painted afresh").isLessThanOrEqualTo(fresh.length / 1000);

        int[] widened = WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomAt(3 / canvas.zoom(), 300, 250); // a tree far wider than the view
            canvas.panBy(5, 0);
            canvas.resize(1000, 500); // wider than the cache's margin reaches
            canvas.layout();
            return pixels(ownCanvas(canvas));
        }).get();
        assertThat(treePixels(widened, 1000)).as("the tree painted for a view the cache does not cover").isPositive();
    }

    /** The chart's own canvas alone, transparent where it drew nothing. */
    private static WritableImage ownCanvas(LineageCanvas canvas) {
        javafx.scene.SnapshotParameters clear = new javafx.scene.SnapshotParameters();
        clear.setFill(javafx.scene.paint.Color.TRANSPARENT);
        return canvas.canvas.snapshot(clear, null);
    }

    /** Pixels drawn between the epoch headers and the legend of a canvas {@code width} wide and 500 high. */
    private static int treePixels(int[] own, int width) {
        int drawn = 0;
        for (int i = 0; i < own.length; i++) {
            drawn += i / width > 24 && i / width < 500 - 120 && (own[i] >>> 24) != 0 ? 1 : 0;
        }
        return drawn;
    }

    /**
     * Both ways a gesture's frame is scaled: by the renderer (the cache's layer under a scale), and read back and scaled
     * here (the software pipeline's way), which draws on the chart's own canvas and hides the layer.
     */
    @ParameterizedTest(name = "scaled here: {0}")
    @ValueSource(booleans = {false, true})
    void aZoomGestureFrameIsTheCachedTreeScaledAndTheTreeIsPaintedSharpOnceItSettles(boolean scaledHere) throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = new LineageCanvas(scaledHere);
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        WaitForAsyncUtils.asyncFx(() -> canvas.show(graph)).get();
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomAt(1 / canvas.zoom(), 350, 250);
            canvas.panBy(1, 1); // paints the cache at this zoom
            canvas.panBy(-1, -1);
        }).get();
        Thread.sleep(200); // the renderer has rasterized the cache: it may be read back
        // Factors of two keep the zoom and pan exact, so zooming out again lands where the gesture will.
        int[] fresh = WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomAt(2, 350, 250);
            int[] sharp = pixels(canvas);
            canvas.zoomAt(0.5, 350, 250);
            return sharp;
        }).get();

        int[] scaled = WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomGesture(2, 350, 250);
            return pixels(canvas);
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(canvas::cacheLayerShown).get()).as("the cache's layer shows the frame")
                .isEqualTo(!scaledHere);
        int unlike = 0;
        int far = 0;
        for (int i = 0; i < fresh.length; i++) {
            unlike += scaled[i] == fresh[i] ? 0 : 1;
            far += distance(scaled[i], fresh[i]) > 96 ? 1 : 0;
        }
        assertThat(unlike).as("the gesture's frame is the cache resampled, not a fresh paint").isPositive();
        assertThat(far).as("pixels far from what a fresh paint shows").isLessThan(fresh.length / 20);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> java.util.Arrays.equals(WaitForAsyncUtils.asyncFx(() -> pixels(canvas)).get(), fresh));
    }

    @Test
    void aZoomGestureBegunZoomedOutStaysBlocksUntilItSettlesAndOneBegunAmongBoxesKeepsThem() throws Exception {
        LineageGraph graph = fixtureGraph();
        LineageCanvas canvas = new LineageCanvas();
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        WaitForAsyncUtils.asyncFx(() -> canvas.show(graph)).get();
        WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomAt(0.3 / canvas.zoom(), 350, 250);
            canvas.panBy(1, 1); // paints the cache as blocks
            canvas.panBy(-1, -1);
        }).get();

        boolean duringGesture = WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomGesture(2.5, 350, 250); // past what the cache can show scaled: painted again, at 0.75
            return canvas.paintedDetail();
        }).get();
        assertThat(duringGesture).as("the gesture's frame past the boxes' zoom, begun among blocks").isFalse();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(canvas::paintedDetail).get());
        int[] sharp = WaitForAsyncUtils.asyncFx(() -> pixels(canvas)).get();
        int[] panned = WaitForAsyncUtils.asyncFx(() -> {
            canvas.panBy(1, 1);
            canvas.panBy(-1, -1);
            return pixels(canvas);
        }).get();
        int differ = 0;
        for (int i = 0; i < sharp.length; i++) {
            differ += sharp[i] == panned[i] ? 0 : 1;
        }
        assertThat(differ).as("a pan after the gesture settled shows boxes, not the gesture's cached blocks")
                .isLessThanOrEqualTo(sharp.length / 1000);

        boolean amongBoxes = WaitForAsyncUtils.asyncFx(() -> {
            canvas.zoomGesture(2.5, 350, 250); // begun at 0.75, painted again at 1.875
            return canvas.paintedDetail();
        }).get();
        assertThat(amongBoxes).as("a gesture begun among boxes keeps them").isTrue();
    }

    @Test
    void everyLegendEntryIsWholeOnAWideAndANarrowCanvas() throws Exception {
        LineageCanvas canvas = new LineageCanvas();
        window.show(() -> new javafx.scene.layout.StackPane(canvas), 700, 500);
        for (double width : new double[] {1280, 900, 700, 520, 380}) {
            java.util.List<LineageCanvas.LegendEntry> entries = WaitForAsyncUtils.asyncFx(() -> canvas.legendEntries(width)).get();
            double height = WaitForAsyncUtils.asyncFx(() -> canvas.legendHeight(width)).get();
            assertThat(entries).extracting(LineageCanvas.LegendEntry::text)
                    .contains("reward", "best path", "? unimplementable", "dashed box: not scored yet");
            for (LineageCanvas.LegendEntry entry : entries) {
                assertThat(entry.x() + entry.width()).as("%s at width %s", entry.text(), width).isLessThanOrEqualTo(width - 12);
                assertThat(entry.y() + entry.height()).as("%s at width %s", entry.text(), width).isLessThanOrEqualTo(height);
                for (LineageCanvas.LegendEntry other : entries) {
                    boolean overlap = other != entry && entry.x() < other.x() + other.width() && other.x() < entry.x() + entry.width()
                            && entry.y() < other.y() + other.height() && other.y() < entry.y() + entry.height();
                    assertThat(overlap).as("%s over %s at width %s", entry.text(), other.text(), width).isFalse();
                }
            }
            assertThat(height).as("the legend leaves the tree most of an 800-pixel window").isLessThan(130);
        }
    }

    private static int distance(int a, int b) {
        int most = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            most = Math.max(most, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return most;
    }

    @Test
    void shiftOrCtrlClickAddsANodeToTheChosenAndAPlainClickStartsAgain() throws Exception {
        LineageGraph graph;
        long higherLr;
        long momentum;
        try (LineageStudy fixture = new LineageStudy(temp)) {
            StudyAnalytics analytics = new StudyAnalytics(fixture.study);
            graph = analytics.lineage(analytics.facts());
            higherLr = fixture.higherLr.ideaId();
            momentum = fixture.momentum.ideaId();
        }
        LineageCanvas canvas = shown(graph, 900, 500);

        WaitForAsyncUtils.asyncFx(() -> {
            click(canvas, higherLr, false, false);
            click(canvas, momentum, true, false);
        }).get();
        assertThat(canvas.chosen()).containsExactly(higherLr, momentum);
        WaitForAsyncUtils.asyncFx(() -> click(canvas, momentum, false, true)).get();
        assertThat(canvas.chosen()).as("a second Ctrl+click takes it out").containsExactly(higherLr);
        WaitForAsyncUtils.asyncFx(() -> click(canvas, momentum, false, false)).get();
        assertThat(canvas.chosen()).containsExactly(momentum);
        assertThat(canvas.selectedProperty().get()).isEqualTo(momentum);
    }

    @Test
    void theHoverLabelFollowsItsNodeThroughAPanAndAWheelZoomAndHidesWhenAKeyMovesTheView() throws Exception {
        LineageGraph graph;
        long higherLr;
        try (LineageStudy fixture = new LineageStudy(temp)) {
            StudyAnalytics analytics = new StudyAnalytics(fixture.study);
            graph = analytics.lineage(analytics.facts());
            higherLr = fixture.higherLr.ideaId();
        }
        LineageCanvas canvas = shown(graph, 900, 500);
        javafx.scene.Node label = canvas.lookup(".chart-hover");
        javafx.geometry.Point2D at = canvas.screenPoint(higherLr);

        WaitForAsyncUtils.asyncFx(() -> mouse(canvas, MouseEvent.MOUSE_MOVED, at.getX(), at.getY())).get();
        String summary = canvas.hoverText();
        assertThat(summary).as("the pointer is over the node").startsWith(graph.node(higherLr).orElseThrow().label());

        WaitForAsyncUtils.asyncFx(() -> {
            mouse(canvas, MouseEvent.MOUSE_PRESSED, at.getX(), at.getY());
            mouse(canvas, MouseEvent.MOUSE_DRAGGED, at.getX() - 150, at.getY() + 120);
        }).get();
        assertThat(canvas.screenPoint(higherLr).distance(at.getX() - 150, at.getY() + 120)).as("the tree moved")
                .isLessThan(1);
        assertThat(canvas.hoverText()).as("the node moved with the pointer").isEqualTo(summary);
        assertThat(label.getBoundsInParent().getMinX()).as("the label moved with them").isLessThan(at.getX() - 100);
        WaitForAsyncUtils.asyncFx(() -> mouse(canvas, MouseEvent.MOUSE_RELEASED, at.getX() - 150, at.getY() + 120))
                .get();

        // The pointer went on to a corner the tree was panned away from, with no move event (as after a drag).
        javafx.geometry.Point2D empty = new javafx.geometry.Point2D(5, 5);
        WaitForAsyncUtils.asyncFx(() -> canvas.fireEvent(new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, empty.getX(), empty.getY(), 0, 0, false, false, false, false,
                false, false, 0, -400, 0, -400, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null))).get();
        assertThat(canvas.hoverText()).as("the wheel turned where no node is")
                .isEmpty();

        WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Point2D now = canvas.screenPoint(higherLr);
            mouse(canvas, MouseEvent.MOUSE_MOVED, now.getX(), now.getY());
        }).get();
        assertThat(canvas.hoverText()).isEqualTo(summary);
        WaitForAsyncUtils.asyncFx(() -> canvas.fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "+", "+", javafx.scene.input.KeyCode.PLUS, false, false, false,
                false))).get();
        assertThat(canvas.hoverText()).as("a keyboard zoom moved the view away from the pointer").isEmpty();
    }

    private static void mouse(LineageCanvas canvas, javafx.event.EventType<MouseEvent> type, double x, double y) {
        canvas.fireEvent(new MouseEvent(type, x, y, 0, 0, MouseButton.PRIMARY, 1, false, false, false, false,
                type != MouseEvent.MOUSE_MOVED && type != MouseEvent.MOUSE_RELEASED, false, false, true, false, false,
                null));
    }

    private static void click(LineageCanvas canvas, long id, boolean shift, boolean control) {
        javafx.geometry.Point2D at = canvas.screenPoint(id);
        for (javafx.event.EventType<MouseEvent> type : java.util.List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
                MouseEvent.MOUSE_CLICKED)) {
            canvas.fireEvent(new MouseEvent(type, at.getX(), at.getY(), 0, 0, MouseButton.PRIMARY, 1, shift, control,
                    false, false, true, false, false, true, false, false, null));
        }
    }

    /** The canvas's pixels above the legend, where the tree is drawn. */
    private static int[] pixels(LineageCanvas canvas) {
        return pixels(canvas.snapshot(null, null));
    }

    private static int[] pixels(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight() - 60;
        int[] argb = new int[width * height];
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = reader.getArgb(x, y);
            }
        }
        return argb;
    }
}
