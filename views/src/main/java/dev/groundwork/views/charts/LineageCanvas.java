package dev.groundwork.views.charts;

import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.analytics.LineageGraph.Kind;
import dev.groundwork.model.analytics.LineageGraph.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The lineage drawn on one canvas: ideas in columns by epoch ({@link LayeredLayout}), parent edges, fainter exemplar
 * edges, boxes coloured by reward (a legend says which end is better), failed, unimplementable and rejected ideas
 * greyed with a mark, human-seeded and human-edited ideas badged, and the best path from the baseline drawn thick.
 * <p>
 * Only what lies in view is drawn, and when zoomed out far the boxes become dots without text, so a frame costs the
 * nodes on screen rather than the tree. Scroll to zoom, drag to pan, F to fit; with a node selected, ← goes to its
 * parent, → to its first child, ↑ and ↓ to its siblings. A click also chooses the node to breed from; Ctrl+click or
 * Shift+click, or Space on the selected node, adds it to the chosen ones or takes it out.
 */
public final class LineageCanvas extends CanvasPane {

    private static final Color WORST = Color.web("#d9534f");
    private static final Color MIDDLE = Color.web("#f0c24b");
    private static final Color BEST = Color.web("#3fa66a");
    /** {@link #ramp} in 256 steps. */
    private static final Color[] RAMP = java.util.stream.IntStream.range(0, 256).mapToDouble(step -> step / 255.0)
            .mapToObj(t -> t < 0.5 ? WORST.interpolate(MIDDLE, t * 2) : MIDDLE.interpolate(BEST, (t - 0.5) * 2))
            .toArray(Color[]::new);
    /** Text on a box: dark on every colour of the reward scale, in both themes. */
    private static final Color BOX_TEXT = Color.web("#1c2230");
    /** Below this zoom, nodes are dots without labels. */
    private static final double DETAIL_ZOOM = 0.45;

    private final ObjectProperty<Long> selected = new SimpleObjectProperty<>();
    /** The picked nodes, over the tree (see {@link #drawMarks}). */
    private static final double HEADERS = 18;
    /** Screen pixels kept clear around a fitted tree, each side (more than the epoch headers' height). */
    private static final double FIT_MARGIN = 24;
    private final javafx.scene.canvas.Canvas marks = new javafx.scene.canvas.Canvas();
    /** The nodes chosen to breed from: a click chooses one, Ctrl+click or Shift+click adds or removes one. */
    private final ObservableList<Long> chosen = FXCollections.observableArrayList();
    /**
     * The cache's own pixels: the cache's canvas holds on to the image it was given until the renderer gets to it, so
     * a paint of the chart's canvas must not rewrite that image meanwhile. Zoomed-out blocks for the cache are written
     * off the FX thread like the chart's own ({@link #blocksFor}), then taken into these (see {@link #paintCache}).
     */
    private final PixelLayer cachePixels = new PixelLayer();
    /** The blocks the cache is being painted with (see {@link #paintCache}); null otherwise. */
    private Blocks cacheBlocks;
    /** The edges of a detailed frame, the chart's own and the cache's (the cache's canvas holds its image, as above). */
    private final PixelLayer edgePixels = new PixelLayer();
    private final PixelLayer cacheEdgePixels = new PixelLayer();
    /** Whether the cache is being painted (its edges go into pixels of its own, as for {@link #cachePixels}). */
    private boolean paintingCache;
    private final TreeCache cache;
    private OffThread offThread = OffThread.NOW;
    /** Counts the trees asked for, so that a layout finished after a newer tree was asked for is dropped. */
    private long treesAsked;
    /** The tree shown, laid out; null before the first layout arrives. */
    private Laid laid;
    /** Counts the trees shown: zoomed-out blocks are for one of them. */
    private long treesShown;
    /** The zoomed-out view's blocks last written off the FX thread (see {@link #blocksFor}). */
    private Blocks blocks;
    /**
     * The blocks written before those, kept too: when the window's layout goes back and forth between two sizes (a
     * status-bar entry for the worker's task comes and goes), each size finds its blocks rather than asking again.
     */
    private Blocks earlierBlocks;
    /** What the blocks being written now are for; null when none are. */
    private BlocksFor writingBlocks;
    /** Whether the blocks being written now are for the cache rather than for the chart's own canvas. */
    private boolean writingCache;
    /** Counts the blocks asked for, so that blocks written for an older view than the last asked for are dropped. */
    private long blocksAsked;
    /** Whether the tree is being painted: blocks handed back within the paint (written at once) are drawn by it. */
    private boolean painting;
    /** The labels' fonts by whole-pixel size, negative for bold (see {@link #labelFont}). */
    private final java.util.Map<Long, Font> labelFonts = new java.util.HashMap<>();
    private final LabelFitter labels = new LabelFitter();
    /** The legend's words measured once: the font never changes. */
    private final java.util.Map<String, Double> legendWidths = new java.util.HashMap<>();
    /** Whether this frame only moves the view, so the cached tree can be drawn at an offset instead of painted. */
    private boolean panning;
    /** Whether the canvas took a new size since the last frame (see {@link #draw}). */
    private boolean resizedSinceDrawn;
    /** Whether this frame is one of a zoom gesture's, so the cached tree can be drawn scaled instead of painted. */
    private boolean zooming;
    /** A moment after a zoom gesture's last step, the tree is painted sharp at the zoom it ended on. */
    private final PauseTransition settle = new PauseTransition(Duration.millis(150));
    /**
     * Whether the zoom gesture under way began zoomed out: its frames stay blocks, without labels, until it settles.
     * Boxes with their labels and curved edges, painted into the cache at the step that crossed into them, held the FX
     * thread 40-46 ms (docs/performance-history.md); blocks at that zoom take about a third of it.
     */
    private boolean gestureFromBlocks;
    /** Whether the last paint of the tree drew boxes with labels rather than blocks (tests ask). */
    private boolean paintedDetail;
    private LineageGraph graph;
    private LayeredLayout layout;
    private Set<Long> bestPath = Set.of();
    /** Ideas whose code was promoted to the baseline: a star on the box and a ring around it. */
    private Set<Long> promoted = Set.of();
    private Set<List<Long>> bestEdges = Set.of();
    /**
     * The pixels of blocks no longer drawn, handed to the next write (FX thread only): a zoom that wrote a new frame of
     * blocks each step left a frame of pixels and its image behind each time. The cache's frames, two and a quarter
     * views, have a spare of their own, so that the chart's frames do not grow to their size.
     */
    private PixelLayer spareBlocks;
    private PixelLayer spareCacheBlocks;
    private double worst;
    private double best;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private boolean dragged;
    /** Whether the researcher zoomed or panned; until then the tree is fitted again whenever the canvas is resized. */
    private boolean moved;
    private int drawnNodes;

    /**
     * A zoom gesture's frames are scaled by the renderer on a GPU pipeline and read back and scaled here on the software
     * one, which has no 3D and resamples a scaled layer slowly (see {@link ScaledReadBack}).
     */
    public LineageCanvas() {
        this(!Platform.isSupported(ConditionalFeature.SCENE3D));
    }

    /**
     * @param scaleGesturesItself whether a zoom gesture's frames are scaled here rather than by the renderer (the bench
     *                            and the tests compare the two ways on one pipeline)
     */
    public LineageCanvas(boolean scaleGesturesItself) {
        cache = new TreeCache(scaleGesturesItself);
        getStyleClass().add("lineage-canvas");
        getChildren().add(0, cache.node());
        marks.setMouseTransparent(true);
        marks.setManaged(false);
        getChildren().add(getChildren().indexOf(canvas) + 1, marks);
        setFocusTraversable(true);
        addEventHandler(ScrollEvent.SCROLL, event -> {
            zoomGesture(Math.pow(1.0015, event.getDeltaY()), event.getX(), event.getY());
            hoverAt(event.getX(), event.getY()); // the tree moved under the pointer
            event.consume();
        });
        settle.setOnFinished(event -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            requestFocus();
            dragX = event.getX();
            dragY = event.getY();
            dragged = false;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> {
            panBy(event.getX() - dragX, event.getY() - dragY);
            dragged = dragged || Math.abs(event.getX() - dragX) + Math.abs(event.getY() - dragY) > 0;
            dragX = event.getX();
            dragY = event.getY();
            hoverAt(event.getX(), event.getY());
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && !dragged) {
                Long hit = nodeAt(event.getX(), event.getY());
                if (hit != null) {
                    if (!event.isShortcutDown() && !event.isShiftDown()) {
                        chosen.setAll(hit);
                    } else {
                        toggleChosen(hit);
                    }
                    selected.set(hit);
                }
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> hoverAt(event.getX(), event.getY()));
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        selected.addListener((o, old, id) -> {
            double x = panX;
            double y = panY;
            if (id != null) {
                reveal(id);
            }
            if (x != panX || y != panY) {
                redraw();
            } else {
                drawMarks(); // the tree stays as the renderer last rasterized it
            }
        });
        chosen.addListener((ListChangeListener<Long>) change -> drawMarks());
    }

    /**
     * Where a new tree is laid out: the page's task executor, so that the FX thread only swaps the finished layout in.
     * Until it arrives the tree shown before stays (or the canvas stays empty, for the first tree).
     */
    public void setOffThread(OffThread offThread) {
        this.offThread = offThread;
    }

    /**
     * Shows a new tree, keeping the view where it was unless this is the first tree. It is laid out off the FX thread
     * (see {@link #setOffThread}); a layout that arrives after a newer tree was asked for is dropped.
     */
    public void show(LineageGraph graph) {
        long ticket = ++treesAsked;
        whereShown(offThread).run(() -> {
            Laid laid = lay(graph);
            return () -> {
                if (ticket == treesAsked) {
                    apply(laid);
                }
            };
        });
    }

    /**
     * A tree with what its frames need worked out: the layout, the best path's nodes and edges, the other edges with
     * their ends' places (a frame walks them all, and looking them up each frame boxed two ids an edge), the reward range.
     */
    private record Laid(LineageGraph graph, LayeredLayout layout, Set<Long> bestPath, Set<Long> promoted,
                        Set<List<Long>> bestEdges, List<PlacedEdge> allParentEdges, List<PlacedEdge> parentEdges,
                        List<PlacedEdge> exemplarEdges, double worst, double best) {}

    /** An edge between two laid-out nodes, by their places. */
    private record PlacedEdge(LayeredLayout.Place from, LayeredLayout.Place to) {}

    /** Lays a tree out (off the FX thread: ten thousand nodes took the first frame a noticeable moment). */
    private static Laid lay(LineageGraph graph) {
        List<LayeredLayout.Input> inputs = new ArrayList<>(graph.size());
        for (Node node : graph.nodes()) {
            inputs.add(new LayeredLayout.Input(node.id(), node.epoch(), node.parent()));
        }
        Set<Long> promoted = new HashSet<>();
        graph.promotions().forEach(promotion -> promoted.add(promotion.ideaId()));
        Set<List<Long>> bestEdges = new HashSet<>();
        for (int i = 1; i < graph.bestPath().size(); i++) {
            bestEdges.add(List.of(graph.bestPath().get(i - 1), graph.bestPath().get(i)));
        }
        double worst = Double.POSITIVE_INFINITY;
        double best = Double.NEGATIVE_INFINITY;
        for (Node node : graph.nodes()) {
            if (node.reward() != null && Double.isFinite(node.reward())) {
                worst = Math.min(worst, node.reward());
                best = Math.max(best, node.reward());
            }
        }
        if (!graph.direction().higherIsBetter()) {
            double swap = worst;
            worst = best;
            best = swap;
        }
        LayeredLayout layout = LayeredLayout.of(inputs);
        List<PlacedEdge> allParentEdges = new ArrayList<>();
        List<PlacedEdge> parentEdges = new ArrayList<>();
        List<PlacedEdge> exemplarEdges = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.parent() != null) {
                PlacedEdge edge = new PlacedEdge(layout.place(node.parent()), layout.place(node.id()));
                allParentEdges.add(edge);
                if (!bestEdges.contains(List.of(node.parent(), node.id()))) {
                    parentEdges.add(edge);
                }
            }
            for (long exemplar : node.exemplars()) {
                if (!bestEdges.contains(List.of(exemplar, node.id()))) {
                    exemplarEdges.add(new PlacedEdge(layout.place(exemplar), layout.place(node.id())));
                }
            }
        }
        return new Laid(graph, layout, new HashSet<>(graph.bestPath()), promoted, bestEdges,
                List.copyOf(allParentEdges), List.copyOf(parentEdges), List.copyOf(exemplarEdges), worst, best);
    }

    private void apply(Laid laid) {
        boolean first = this.graph == null;
        hideHover();
        this.laid = laid;
        treesShown++;
        graph = laid.graph();
        cache.forget();
        layout = laid.layout();
        bestPath = laid.bestPath();
        promoted = laid.promoted();
        bestEdges = laid.bestEdges();
        worst = laid.worst();
        best = laid.best();
        if (first) {
            placeFitted();
        }
        Long at = selected.get();
        if (at != null) {
            reveal(at); // selected while the tree was being laid out
        }
        redraw();
    }

    /** The nodes chosen to breed from. */
    public ObservableList<Long> chosen() {
        return chosen;
    }

    /** The selected node's id; null when none. */
    public ObjectProperty<Long> selectedProperty() {
        return selected;
    }

    public int drawnNodes() {
        return drawnNodes;
    }

    public double zoom() {
        return zoom;
    }

    /** Where a node's centre is on screen now, or null when the tree does not hold it. */
    public Point2D screenPoint(long id) {
        LayeredLayout.Place place = layout == null ? null : layout.place(id);
        return place == null ? null : new Point2D(toScreenX(place.x() + LayeredLayout.NODE_WIDTH / 2),
                toScreenY(place.y() + LayeredLayout.NODE_HEIGHT / 2));
    }

    /** Zooms and pans so that the whole tree is in view (never larger than life). */
    public void fit() {
        placeFitted();
        redraw();
    }

    private void placeFitted() {
        if (layout == null || getWidth() <= 0) {
            return;
        }
        double[] bounds = layout.bounds();
        double width = bounds[2] - bounds[0];
        double height = bounds[3] - bounds[1];
        // The margin in pixels, not in the tree's units: at a large tree's fitted zoom (0.1) 40 units were 4 pixels, and
        // the baseline and the last epoch's column touched the view's edges.
        double room = Math.min((getWidth() - 2 * FIT_MARGIN) / width,
                (getHeight() - legendHeight(getWidth()) - 2 * FIT_MARGIN) / height);
        zoom = Math.max(0.02, Math.min(1, room));
        panX = (getWidth() - (bounds[2] - bounds[0]) * zoom) / 2 - bounds[0] * zoom;
        panY = (getHeight() - legendHeight(getWidth()) - (bounds[3] - bounds[1]) * zoom) / 2 - bounds[1] * zoom;
    }

    /** Fits the tree, and keeps it fitted as the canvas is resized until the researcher zooms or pans again. */
    public void fitAgain() {
        moved = false;
        fit();
    }

    /** Zooms by {@code factor} about (x, y), as the wheel and the + and - keys do; the tree is no longer kept fitted. */
    public void zoomAt(double factor, double x, double y) {
        moved = true;
        double next = Math.max(0.02, Math.min(3, zoom * factor));
        panX = x - (x - panX) * next / zoom;
        panY = y - (y - panY) * next / zoom;
        zoom = next;
        redraw();
    }

    /**
     * One step of a zoom gesture (a wheel or a pinch): drawn from the cached tree scaled, which a step at most halves or
     * doubles, and painted sharp once the gesture has paused (or with {@link #settleZoom}).
     */
    public void zoomGesture(double factor, double x, double y) {
        if (settle.getStatus() != Animation.Status.RUNNING) {
            gestureFromBlocks = zoom < DETAIL_ZOOM; // a new gesture
        }
        zooming = true;
        try {
            zoomAt(factor, x, y);
        } finally {
            zooming = false;
        }
        settle.playFromStart();
    }

    /** Paints the tree sharp at the current zoom now, as a zoom gesture's pause does. */
    public void settleZoom() {
        settle.stop();
        redraw();
    }

    /** Moves the tree by (dx, dy), as a drag does; the tree is no longer kept fitted. */
    public void panBy(double dx, double dy) {
        moved = true;
        panX += dx;
        panY += dy;
        panning = true;
        try {
            redraw();
        } finally {
            panning = false;
        }
    }

    /** Until the researcher zooms or pans, a resized canvas shows the tree fitted again (the selection kept in view). */
    @Override
    protected void resized() {
        resizedSinceDrawn = true;
        if (!moved && getWidth() > 0 && layout != null) {
            placeFitted();
            Long id = selected.get();
            if (id != null) {
                reveal(id);
            }
        }
    }

    private void key(KeyEvent event) {
        Long at = selected.get();
        switch (event.getCode()) {
            case F -> fitAgain();
            case SPACE -> {
                if (at != null) {
                    toggleChosen(at);
                }
            }
            case PLUS, EQUALS, ADD -> zoomAt(1.25, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> zoomAt(0.8, getWidth() / 2, getHeight() / 2);
            case LEFT, RIGHT, UP, DOWN -> {
                if (graph != null) {
                    selected.set(at == null ? LineageGraph.BASELINE : step(at, event.getCode()));
                }
            }
            default -> {
                return;
            }
        }
        hideHover(); // the view may have moved, and the pointer's node with it
        event.consume();
    }

    /** Adds a node to those chosen to breed from, or takes it out when it was chosen. */
    private void toggleChosen(long id) {
        if (!chosen.remove(Long.valueOf(id))) {
            chosen.add(id);
        }
    }

    /** The node a key moves to from {@code at}: parent, first child, or the previous or next sibling. */
    private long step(long at, KeyCode key) {
        Node node = graph.node(at).orElseThrow();
        return switch (key) {
            case LEFT -> node.parent() == null ? at : node.parent();
            case RIGHT -> graph.children(at).isEmpty() ? at : graph.children(at).getFirst();
            default -> {
                if (node.parent() == null) {
                    yield at;
                }
                List<Long> siblings = graph.children(node.parent());
                int index = siblings.indexOf(at) + (key == KeyCode.UP ? -1 : 1);
                yield index < 0 || index >= siblings.size() ? at : siblings.get(index);
            }
        };
    }

    /** Pans so that the node is in view, when it is not. */
    private void reveal(long id) {
        Point2D point = screenPoint(id);
        if (point == null || getWidth() <= 0) {
            return;
        }
        double halfWidth = LayeredLayout.NODE_WIDTH * zoom / 2;
        double halfHeight = LayeredLayout.NODE_HEIGHT * zoom / 2;
        if (point.getX() < halfWidth || point.getX() > getWidth() - halfWidth || point.getY() < halfHeight
                || point.getY() > getHeight() - legendHeight(getWidth()) - halfHeight) {
            panX += getWidth() / 2 - point.getX();
            panY += (getHeight() - legendHeight(getWidth())) / 2 - point.getY();
        }
    }

    private double toScreenX(double x) {
        return x * zoom + panX;
    }

    private double toScreenY(double y) {
        return y * zoom + panY;
    }

    /** Shows the summary of the node under the pointer at (x, y), or hides the label where there is none. */
    private void hoverAt(double x, double y) {
        Long hit = nodeAt(x, y);
        if (hit == null) {
            hideHover();
        } else {
            showHover(summary(graph.node(hit).orElseThrow()), x, y);
        }
    }

    private Long nodeAt(double sx, double sy) {
        if (layout == null) {
            return null;
        }
        double x = (sx - panX) / zoom;
        double y = (sy - panY) / zoom;
        int column = (int) Math.floor(x / LayeredLayout.COLUMN_STEP);
        if (column < 0 || column >= layout.columns().size()) {
            return null;
        }
        List<LayeredLayout.Place> places = layout.columns().get(column);
        if (places.isEmpty()) {
            return null;
        }
        double top = places.getFirst().y();
        int row = (int) Math.floor((y - top) / LayeredLayout.ROW_STEP);
        if (row < 0 || row >= places.size()) {
            return null;
        }
        LayeredLayout.Place place = places.get(row);
        double slack = zoom < DETAIL_ZOOM ? 4 / zoom : 0;
        boolean inside = x >= place.x() - slack && x <= place.x() + LayeredLayout.NODE_WIDTH + slack
                && y >= place.y() - slack && y <= place.y() + LayeredLayout.NODE_HEIGHT + slack;
        return inside ? place.id() : null;
    }

    private String summary(Node node) {
        return summary(node, promoted.contains(node.id()));
    }

    static String summary(Node node, boolean promotedToBaseline) {
        StringBuilder text = new StringBuilder(node.label());
        text.append('\n').append(node.epoch() < 0 ? "the unmodified code" : "epoch " + node.epoch());
        text.append(" · ").append(switch (node.kind()) {
            case BASELINE, SCORED -> node.reward() == null ? "not scored" : "reward " + String.format(Locale.ROOT, "%.4g", node.reward());
            case PENDING -> "not scored yet";
            case FAILED -> "its runs failed";
            case UNIMPLEMENTABLE -> "could not be implemented";
            case REJECTED -> "rejected";
        });
        if (node.humanSeeded()) {
            text.append(" · seeded by a person");
        }
        if (node.humanEdited()) {
            text.append(" · code edited by a person");
        }
        if (promotedToBaseline) {
            text.append(" · promoted to baseline");
        }
        return text.toString();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (graph == null || layout == null) {
            drawnNodes = 0;
            cache.hide();
            return;
        }
        double viewBottom = height - legendHeight(width);
        boolean resizing = resizedSinceDrawn;
        resizedSinceDrawn = false;
        if (panning || zooming) {
            showCache(g, width, viewBottom);
        } else if (resizing && cache.covers(cacheKey(), panX, panY, treeOnScreen(width, viewBottom))) {
            // The view only changed its size (a side panel opened beside it): the tree the renderer last rasterized
            // still covers it, where painting it again cost a full-size view 40 ms of the renderer's time.
            dropCacheWrite();
            cache.showAt(panX, panY, width, viewBottom);
        } else {
            dropCacheWrite(); // the tree is painted here now: blocks arriving for the cache must not cover it again
            cache.hide();
            paintTree(g, width, viewBottom, detailed());
        }
        epochHeaders(g, width, zoom >= DETAIL_ZOOM);
        legend(g, width, height);
        drawMarks();
    }

    /**
     * The selected node and those chosen to breed from, drawn picked on a canvas of their own over the tree, just large
     * enough to hold them: selecting a node then changes a few boxes' worth of the window, where drawing the tree
     * again made the renderer rasterize every box and label in view (50-60 ms on the software pipeline, the FX thread
     * waiting for it), and even a canvas the size of the view cost it 27-35 ms to composite again.
     */
    private void drawMarks() {
        GraphicsContext g = marks.getGraphicsContext2D();
        g.clearRect(0, 0, marks.getWidth(), marks.getHeight());
        double width = canvas.getWidth();
        double viewBottom = canvas.getHeight() - legendHeight(width);
        double w = LayeredLayout.NODE_WIDTH * zoom;
        double h = LayeredLayout.NODE_HEIGHT * zoom;
        java.util.Set<Long> picked = new java.util.LinkedHashSet<>(chosen);
        if (selected.get() != null) {
            picked.add(selected.get());
        }
        List<Node> shown = new ArrayList<>();
        List<double[]> at = new ArrayList<>();
        double pad = 4 + 3 * Math.max(1, zoom); // the outline, and the promoted ring around it
        double[] bounds = {width, viewBottom, 0, 0};
        for (long id : picked) {
            LayeredLayout.Place place = graph == null || layout == null ? null : layout.place(id);
            Node node = place == null ? null : graph.node(id).orElse(null);
            double x = place == null ? 0 : toScreenX(place.x());
            double y = place == null ? 0 : toScreenY(place.y());
            if (node == null || x + w < 0 || x > width || y + h < 0 || y > viewBottom) {
                continue;
            }
            shown.add(node);
            at.add(new double[] {x, y});
            bounds[0] = Math.min(bounds[0], x - pad);
            bounds[1] = Math.min(bounds[1], y - pad);
            bounds[2] = Math.max(bounds[2], x + Math.max(3, w) + pad);
            bounds[3] = Math.max(bounds[3], y + Math.max(2, h) + pad);
        }
        double left = Math.floor(Math.max(0, bounds[0]));
        double top = Math.floor(Math.max(HEADERS, bounds[1])); // the epoch headers stay over the boxes
        double right = Math.ceil(Math.min(width, bounds[2]));
        double bottom = Math.ceil(Math.min(viewBottom, bounds[3]));
        if (shown.isEmpty() || right <= left || bottom <= top) {
            marks.setVisible(false);
            return;
        }
        marks.relocate(left, top);
        marks.setWidth(right - left);
        marks.setHeight(bottom - top);
        marks.setVisible(true);
        g.clearRect(0, 0, marks.getWidth(), marks.getHeight());
        g.save();
        g.translate(-left, -top);
        for (int i = 0; i < shown.size(); i++) {
            Node node = shown.get(i);
            double x = at.get(i)[0];
            double y = at.get(i)[1];
            if (paintedDetail) {
                box(g, node, x, y, w, h, true);
            } else {
                // The block again under the dot's marks, so that its number and ring are not drawn over themselves.
                g.setFill(node.kind() == Kind.FAILED ? palette.muted() : fill(node));
                g.fillRect(x, y, Math.max(2, w), Math.max(2, h));
                dot(g, node, x, y, w, h, true);
            }
        }
        g.restore();
    }

    /**
     * A pan or zoom frame: the cached tree's layer moved to the pan's offset (or scaled to the zoom), the cache painted
     * again only when the view left it or what it shows changed (zoom, tree, selection, size, theme). The chart's own
     * canvas then draws only the headers and the legend over it.
     */
    private void showCache(GraphicsContext g, double width, double viewBottom) {
        double[] tree = treeOnScreen();
        double[] visible = treeOnScreen(width, viewBottom);
        TreeCache.Key key = cacheKey();
        if (visible == null) {
            drawnNodes = 0;
            cache.hide();
            return; // the tree is out of view
        }
        if (zooming && cache.coversScaled(key, panX, panY, visible)) {
            if (!cache.drawScaled(g, panX, panY, zoom, width, viewBottom)) {
                cache.showScaled(panX, panY, zoom, width, viewBottom);
            }
            return;
        }
        if (!cache.covers(key, panX, panY, visible)) {
            // Margin each side, cut to the tree: half a view zoomed out, where dots cost the renderer little and a pan
            // paints again once per half a view travelled. A quarter view where boxes and labels are drawn (they cost
            // it several times more per pixel: four views at full size held the FX thread 90-220 ms) and for a zoom
            // gesture (zooming in never leaves the cache, zooming out a step rarely does).
            double share = zooming || zoom >= DETAIL_ZOOM ? 0.25 : 0.5;
            double marginX = width * share;
            double marginY = viewBottom * share;
            // A pixel more each side: the cache is drawn at whole pixels, up to half a pixel from where the pan says.
            double x0 = Math.floor(Math.max(tree[0], -marginX)) - 1;
            double y0 = Math.floor(Math.max(tree[1], -marginY)) - 1;
            double x1 = Math.ceil(Math.min(tree[2], width + marginX)) + 1;
            double y1 = Math.ceil(Math.min(tree[3], viewBottom + marginY)) + 1;
            if (!key.detail()) {
                // Blocks: written off the FX thread, as the chart's own are. Ten thousand edges written here across the
                // cache's two and a quarter views held the FX thread 25-48 ms at a pan or zoom step
                // (docs/performance-history.md); until they arrive the frame shows what it has.
                askCacheBlocks(new BlocksFor(treesShown, zoom, panX - x0, panY - y0, (int) (x1 - x0), (int) (y1 - y0),
                        palette.muted(), palette.grid()));
                if (!cache.covers(key, panX, panY, visible)) {
                    showMeanwhile(g, key, width, viewBottom);
                    return;
                }
            } else {
                // the cache's top-left corner is the screen's (x0, y0)
                paintCacheAt(key, panX - x0, panY - y0, (int) (x1 - x0), (int) (y1 - y0));
            }
        }
        cache.showAt(panX, panY, width, viewBottom);
    }

    /**
     * Asks for the cache's blocks off the FX thread, unless blocks for it are being written already: those are painted
     * into the cache when they come, even if the view moved on meanwhile (a cache holds a margin around the view), so
     * that a pan or zoom that asks again each frame still gets a cache.
     */
    private void askCacheBlocks(BlocksFor wanted) {
        if (writingCache) {
            return;
        }
        painting = true; // blocks written at once (no worker) are painted into the cache within this call
        try {
            askBlocks(wanted, true);
        } finally {
            painting = false;
        }
    }

    /** Forgets the cache's blocks being written, if any: they would come after a frame that paints the tree itself. */
    private void dropCacheWrite() {
        if (writingCache) {
            writingCache = false;
            writingBlocks = null;
            blocksAsked++;
        }
    }

    /**
     * A pan or zoom frame while the cache's blocks are written: the cache as it is, moved and scaled to the view (part
     * of the view may be empty for a frame or two), or the chart's last blocks where the cache shows something else.
     */
    private void showMeanwhile(GraphicsContext g, TreeCache.Key key, double width, double viewBottom) {
        if (cache.standsInFor(key)) {
            if (cache.zoom() == zoom) {
                cache.showAt(panX, panY, width, viewBottom);
            } else if (!cache.drawScaled(g, panX, panY, zoom, width, viewBottom)) {
                cache.showScaled(panX, panY, zoom, width, viewBottom);
            }
        } else {
            cache.hide();
            drawStandIn(g);
        }
    }

    /**
     * Paints the cache {@code width} by {@code height} for {@code key}, the tree's origin at ({@code originX},
     * {@code originY}) in it: the chart's pan and zoom stand for the cache's while it is painted.
     */
    private void paintCacheAt(TreeCache.Key key, double originX, double originY, int width, int height) {
        double savedX = panX;
        double savedY = panY;
        double savedZoom = zoom;
        panX = originX;
        panY = originY;
        zoom = key.zoom();
        paintingCache = true;
        try {
            cache.paint(key, -originX, -originY, width, height, (gc, w, h) -> paintTree(gc, w, h, key.detail()));
        } finally {
            panX = savedX;
            panY = savedY;
            zoom = savedZoom;
            paintingCache = false;
        }
    }

    /**
     * Paints the cache with blocks written for it, at the zoom and place they were written for, and shows it when the
     * frame is not being drawn already.
     */
    private void paintCache(Blocks written) {
        BlocksFor made = written.made();
        if (made.tree() != treesShown) {
            spareCacheBlocks = written.pixels();
            return;
        }
        // Into the cache's own pixels (see cachePixels); the written layer takes the old ones, to be written again.
        cachePixels.swapPixels(written.pixels());
        spareCacheBlocks = written.pixels();
        cacheBlocks = new Blocks(made, cachePixels, written.count(), written.marked(), written.at());
        try {
            paintCacheAt(new TreeCache.Key(made.zoom(), false, palette.ink(), made.muted(), made.grid(), palette.accent(),
                    palette.bad()), made.panX(), made.panY(), made.width(), made.height());
        } finally {
            cacheBlocks = null;
        }
        if (!painting) {
            // A frame of the pan or zoom under way: it shows the cache, scaled while a zoom gesture has not settled (as a
            // frame drawn unscaled, it asked for the cache again at each arrival).
            boolean gesture = settle.getStatus() == Animation.Status.RUNNING;
            zooming = gesture;
            panning = !gesture;
            try {
                redraw();
            } finally {
                zooming = false;
                panning = false;
            }
        }
    }

    /** What the cached tree must show for the view now. */
    private TreeCache.Key cacheKey() {
        return new TreeCache.Key(zoom, detailed(), palette.ink(), palette.muted(), palette.grid(), palette.accent(),
                palette.bad());
    }

    /** The part of the tree's bounds inside a view {@code width} by {@code viewBottom}; null when none is. */
    private double[] treeOnScreen(double width, double viewBottom) {
        double[] tree = treeOnScreen();
        double[] visible = {Math.max(0, tree[0]), Math.max(0, tree[1]), Math.min(width, tree[2]), Math.min(viewBottom, tree[3])};
        return visible[2] <= visible[0] || visible[3] <= visible[1] ? null : visible;
    }

    /** The tree's bounds on screen now, with room for the marks drawn around boxes: left, top, right, bottom. */
    private double[] treeOnScreen() {
        double[] bounds = layout.bounds();
        double pad = 24;
        return new double[] {toScreenX(bounds[0]) - pad, toScreenY(bounds[1]) - pad,
                toScreenX(bounds[2]) + pad, toScreenY(bounds[3]) + pad};
    }

    /**
     * The nodes and edges in a view {@code width} by {@code viewBottom} at the current zoom and pan, as boxes with labels
     * or as blocks.
     */
    private void paintTree(GraphicsContext g, double width, double viewBottom, boolean detail) {
        drawnNodes = 0;
        paintedDetail = detail;
        double w = LayeredLayout.NODE_WIDTH * zoom;
        double h = LayeredLayout.NODE_HEIGHT * zoom;
        if (detail) {
            // Edges first, under the boxes: an edge is drawn when the box of its two ends overlaps the view.
            edges(g, w, h, width, viewBottom);
            visible(w, h, width, viewBottom, (node, x, y) -> box(g, node, x, y, w, h, false));
        } else {
            BlocksFor wanted = new BlocksFor(treesShown, zoom, panX, panY, (int) width, (int) viewBottom, palette.muted(),
                    palette.grid());
            Blocks shown = paintingCache ? cacheBlocks : blocksFor(g, wanted);
            if (shown == null) {
                return; // the stand-in is drawn; the blocks are being written
            }
            shown.pixels().drawTo(g);
            drawnNodes = shown.count();
            g.beginPath();
            for (List<Long> pathEdge : bestEdges) {
                addEdge(g, layout.place(pathEdge.get(0)), layout.place(pathEdge.get(1)), w, h, width, viewBottom, false);
            }
            g.setStroke(palette.accent());
            g.setLineWidth(2.5);
            g.stroke();
            for (int i = 0; i < shown.marked().size(); i++) { // the picked ones are drawn over these (drawMarks)
                dot(g, shown.marked().get(i), shown.at().get(i)[0], shown.at().get(i)[1], w, h, false);
            }
        }
    }

    /** Whether the tree is drawn as boxes with labels now, rather than as blocks (see {@link #gestureFromBlocks}). */
    private boolean detailed() {
        return zoom >= DETAIL_ZOOM && !(zooming && gestureFromBlocks);
    }

    boolean paintedDetail() {
        return paintedDetail;
    }

    /** Whether the cached tree's own layer is what shows the tree now, rather than a frame drawn from it (tests ask). */
    boolean cacheLayerShown() {
        return cache.showing();
    }

    /** What a zoomed-out view's blocks depend on (the picked nodes are drawn over them, so not on those). */
    private record BlocksFor(long tree, double zoom, double panX, double panY, int width, int height, Color muted,
                             Color grid) {}

    /**
     * A zoomed-out view's edges and blocks in pixels, how many nodes are in view, and the nodes always marked over them
     * (the best path, the promoted, and all when there is room for their numbers) with where each is.
     */
    private record Blocks(BlocksFor made, PixelLayer pixels, int count, List<Node> marked, List<double[]> at) {}

    /**
     * The blocks of this view when they are written; otherwise asks for them off the FX thread and meanwhile draws the
     * last ones, scaled and moved to this view (null then). The paint that gets them draws itself again.
     */
    private Blocks blocksFor(GraphicsContext g, BlocksFor wanted) {
        if (readyBlocks(wanted) == null) {
            painting = true;
            try {
                askBlocks(wanted, false);
            } finally {
                painting = false;
            }
        }
        Blocks ready = readyBlocks(wanted);
        if (ready != null) {
            return ready;
        }
        drawStandIn(g);
        return null;
    }

    /** The chart's last blocks, moved and scaled to the view, while others are written. */
    private void drawStandIn(GraphicsContext g) {
        if (blocks != null && blocks.made().tree() == treesShown) {
            BlocksFor was = blocks.made();
            double scale = zoom / was.zoom();
            blocks.pixels().drawTo(g, panX - was.panX() * scale, panY - was.panY() * scale, was.width() * scale,
                    was.height() * scale);
        }
    }

    /** The blocks written for this view, the last or the ones before; null when neither is. */
    private Blocks readyBlocks(BlocksFor wanted) {
        return blocks != null && blocks.made().equals(wanted) ? blocks
                : earlierBlocks != null && earlierBlocks.made().equals(wanted) ? earlierBlocks : null;
    }

    /** Asks for blocks off the FX thread, for the cache or for the chart's own canvas. */
    private void askBlocks(BlocksFor wanted, boolean forCache) {
        if (wanted.equals(writingBlocks) && forCache == writingCache) {
            return;
        }
        writingBlocks = wanted;
        writingCache = forCache;
        long ticket = ++blocksAsked;
        Laid tree = laid;
        PixelLayer spare = forCache ? spareCacheBlocks : spareBlocks;
        PixelLayer target = spare != null ? spare : new PixelLayer();
        if (forCache) {
            spareCacheBlocks = null;
        } else {
            spareBlocks = null;
        }
        whereShown(offThread).run(() -> {
            Blocks written = writeBlocks(target, tree, wanted);
            return () -> {
                if (ticket != blocksAsked) {
                    // a later view asked for other blocks
                    if (forCache) {
                        spareCacheBlocks = written.pixels();
                    } else {
                        spareBlocks = written.pixels();
                    }
                    return;
                }
                writingBlocks = null;
                if (forCache) {
                    writingCache = false;
                    paintCache(written);
                    return;
                }
                if (earlierBlocks != null) {
                    spareBlocks = earlierBlocks.pixels();
                }
                earlierBlocks = blocks;
                blocks = written;
                if (!painting) {
                    redraw();
                }
            };
        });
    }

    /**
     * Writes a zoomed-out view's parent edges and node blocks into {@code target} (off the FX thread): ten thousand of
     * each took the FX thread tens of milliseconds a frame.
     */
    private static Blocks writeBlocks(PixelLayer target, Laid tree, BlocksFor view) {
        double w = LayeredLayout.NODE_WIDTH * view.zoom();
        double h = LayeredLayout.NODE_HEIGHT * view.zoom();
        target.clear(view.width(), view.height());
        for (PlacedEdge edge : tree.allParentEdges()) {
            LayeredLayout.Place from = edge.from();
            LayeredLayout.Place to = edge.to();
            if (from != null && to != null) {
                double x1 = from.x() * view.zoom() + view.panX() + w;
                double x2 = to.x() * view.zoom() + view.panX();
                double y1 = from.y() * view.zoom() + view.panY() + h / 2;
                double y2 = to.y() * view.zoom() + view.panY() + h / 2;
                if (Math.max(x1, x2) >= 0 && Math.min(x1, x2) <= view.width() && Math.max(y1, y2) >= 0
                        && Math.min(y1, y2) <= view.height()) {
                    target.line(x1, y1, x2, y2, view.muted(), 0.22);
                }
            }
        }
        List<Node> marked = new ArrayList<>();
        List<double[]> at = new ArrayList<>();
        int count = visible(tree, view.zoom(), view.panX(), view.panY(), view.width(), view.height(), (node, x, y) -> {
            target.fillRect(x, y, Math.max(2, w), Math.max(2, h), node.kind() == Kind.FAILED ? view.muted()
                    : fill(node, tree, view.grid()));
            if (h >= 9 || tree.bestPath().contains(node.id()) || tree.promoted().contains(node.id())) {
                marked.add(node);
                at.add(new double[] {x, y});
            }
        });
        return new Blocks(view, target, count, marked, at);
    }

    /** What draws one node at its screen position. */
    private interface NodePainter {
        void paint(Node node, double x, double y);
    }

    /** Calls {@code painter} for each node whose box is in view, counting them; columns out of view are skipped whole. */
    private void visible(double w, double h, double width, double viewBottom, NodePainter painter) {
        drawnNodes += visible(laid, zoom, panX, panY, width, viewBottom, painter);
    }

    /** The same for a tree at a zoom and pan of its own (off the FX thread); how many nodes are in view. */
    private static int visible(Laid tree, double zoom, double panX, double panY, double width, double viewBottom,
                               NodePainter painter) {
        double w = LayeredLayout.NODE_WIDTH * zoom;
        double h = LayeredLayout.NODE_HEIGHT * zoom;
        int count = 0;
        for (List<LayeredLayout.Place> column : tree.layout().columns()) {
            double x = column.getFirst().x() * zoom + panX;
            if (x + w < 0 || x > width) {
                continue;
            }
            int first = Math.max(0, (int) Math.floor((-panY / zoom - column.getFirst().y()) / LayeredLayout.ROW_STEP) - 1);
            for (int row = first; row < column.size(); row++) {
                LayeredLayout.Place place = column.get(row);
                double y = place.y() * zoom + panY;
                if (y > viewBottom) {
                    break;
                }
                if (y + h >= 0) {
                    painter.paint(tree.graph().node(place.id()).orElseThrow(), x, y);
                    count++;
                }
            }
        }
        return count;
    }

    private void epochHeaders(GraphicsContext g, double width, boolean detail) {
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(palette.muted());
        for (List<LayeredLayout.Place> column : layout.columns()) {
            double x = toScreenX(column.getFirst().x());
            if (x > width || x + LayeredLayout.NODE_WIDTH * zoom < 0) {
                continue;
            }
            int epoch = graph.node(column.getFirst().id()).orElseThrow().epoch();
            if (detail || zoom > 0.15) {
                g.fillText(epoch < 0 ? "baseline" : "epoch " + epoch, x, 14);
            }
        }
    }

    /**
     * Every edge in view: plain parent edges and fainter exemplar edges written into pixels (antialiased, one pixel
     * wide), the best path stroked over them. Stroked, a thousand S-curves were most of what the renderer spent on a
     * full-size frame (the pipeline rasterizes each across its whole height); written here they cost a few milliseconds.
     */
    private void edges(GraphicsContext g, double w, double h, double width, double viewBottom) {
        PixelLayer pixels = paintingCache ? cacheEdgePixels : edgePixels;
        pixels.clear((int) Math.ceil(width), (int) Math.ceil(viewBottom));
        Color muted = palette.muted();
        for (PlacedEdge edge : laid.parentEdges()) {
            curveInto(pixels, edge.from(), edge.to(), w, h, width, viewBottom, muted, 0.55);
        }
        if (zoom >= 0.2) {
            for (PlacedEdge edge : laid.exemplarEdges()) {
                curveInto(pixels, edge.from(), edge.to(), w, h, width, viewBottom, muted, 0.2);
            }
        }
        pixels.drawTo(g);
        g.setLineDashes(null);
        g.beginPath();
        for (List<Long> edge : bestEdges) {
            addEdge(g, layout.place(edge.get(0)), layout.place(edge.get(1)), w, h, width, viewBottom, true);
        }
        g.setStroke(palette.accent());
        g.setLineWidth(3);
        g.stroke();
    }

    /**
     * An edge as short antialiased lines in {@code pixels}, when an end is in or near the view: an S-curve to the next
     * column, or through the gaps between the boxes of the columns it crosses ({@link LayeredLayout#passes}).
     */
    private void curveInto(PixelLayer pixels, LayeredLayout.Place from, LayeredLayout.Place to, double w, double h,
                           double width, double viewBottom, Color colour, double opacity) {
        Ends e = edgeEnds(from, to, w, h, width, viewBottom);
        if (e == null) {
            return;
        }
        double[] ports = ports(e, from, to, w);
        for (int i = 0; i + 3 < ports.length; i += 4) {
            // Only the parts in view: an edge from a parent far back crosses many columns out of sight.
            if (inView(ports[i], ports[i + 1], ports[i + 2], ports[i + 3], width, viewBottom)) {
                curveInto(pixels, ports[i], ports[i + 1], ports[i + 2], ports[i + 3], colour, opacity);
            }
            if (i + 5 < ports.length && inView(ports[i + 2], ports[i + 3], ports[i + 4], ports[i + 5], width, viewBottom)) {
                // through the column, between two of its boxes
                pixels.smoothLine(ports[i + 2], ports[i + 3], ports[i + 4], ports[i + 5], colour, opacity, true);
            }
        }
    }

    /** Whether the box of a segment from (x1, y1) to (x2, y2) meets a view {@code width} by {@code viewBottom}. */
    private static boolean inView(double x1, double y1, double x2, double y2, double width, double viewBottom) {
        return Math.max(x1, x2) >= -2 && Math.min(x1, x2) <= width + 2 && Math.max(y1, y2) >= -2
                && Math.min(y1, y2) <= viewBottom + 2;
    }

    /**
     * The points an edge goes through on screen: its start, then where it enters and leaves each column it crosses,
     * then its end, as x, y pairs; an S-curve joins each leaving point to the next entering one.
     */
    private double[] ports(Ends e, LayeredLayout.Place from, LayeredLayout.Place to, double w) {
        double[] passes = layout.passes(from, to);
        double[] ports = new double[4 + passes.length * 4];
        ports[0] = e.x1();
        ports[1] = e.y1();
        for (int i = 0; i < passes.length; i++) {
            double left = toScreenX((from.column() + 1 + i) * LayeredLayout.COLUMN_STEP);
            double y = toScreenY(passes[i]);
            ports[2 + 4 * i] = left;
            ports[3 + 4 * i] = y;
            ports[4 + 4 * i] = left + w;
            ports[5 + 4 * i] = y;
        }
        ports[ports.length - 2] = e.x2();
        ports[ports.length - 1] = e.y2();
        return ports;
    }

    /** An S-curve from (x1, y1) to (x2, y2), level at both ends, as short antialiased lines in {@code pixels}. */
    private static void curveInto(PixelLayer pixels, double x1, double y1, double x2, double y2, Color colour,
                                  double opacity) {
        double bend = (x2 - x1) / 2;
        int steps = (int) Math.max(4, Math.min(48, (Math.abs(x2 - x1) + Math.abs(y2 - y1)) / 10));
        double lastX = x1;
        double lastY = y1;
        for (int i = 1; i <= steps; i++) {
            double t = (double) i / steps;
            double u = 1 - t;
            double x = u * u * u * x1 + 3 * u * u * t * (x1 + bend) + 3 * u * t * t * (x2 - bend) + t * t * t * x2;
            double y = u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2;
            pixels.smoothLine(lastX, lastY, x, y, colour, opacity, i > 1);
            lastX = x;
            lastY = y;
        }
    }

    /** Where an edge starts (its parent's right side) and ends (its child's left side) on screen. */
    private record Ends(double x1, double y1, double x2, double y2) {}

    /**
     * Where an edge starts and ends on screen, or null when neither end is in or near the view: an edge
     * that only passes through, between two nodes far out of view, is left out (zoomed in on ten thousand nodes,
     * thousands do, and each long curve costs its whole length).
     */
    private Ends edgeEnds(LayeredLayout.Place from, LayeredLayout.Place to, double w, double h, double width,
                              double viewBottom) {
        if (from == null || to == null) {
            return null;
        }
        double x1 = toScreenX(from.x()) + w;
        double y1 = toScreenY(from.y()) + h / 2;
        double x2 = toScreenX(to.x());
        double y2 = toScreenY(to.y()) + h / 2;
        double marginX = LayeredLayout.COLUMN_STEP * zoom;
        double marginY = 200;
        boolean near = near(x1, y1, width, viewBottom, marginX, marginY) || near(x2, y2, width, viewBottom, marginX, marginY);
        return near ? new Ends(x1, y1, x2, y2) : null;
    }

    private static boolean near(double x, double y, double width, double height, double marginX, double marginY) {
        return x >= -marginX && x <= width + marginX && y >= -marginY && y <= height + marginY;
    }

    /** Adds an edge to the current path when its bounding box meets the view. */
    private void addEdge(GraphicsContext g, LayeredLayout.Place from, LayeredLayout.Place to, double w, double h,
                         double width, double viewBottom, boolean curved) {
        Ends e = edgeEnds(from, to, w, h, width, viewBottom);
        if (e == null) {
            return;
        }
        if (curved) {
            double[] ports = ports(e, from, to, w);
            for (int i = 0; i + 3 < ports.length; i += 4) {
                curveInView(g, ports[i], ports[i + 1], ports[i + 2], ports[i + 3], -4, viewBottom + 4);
                if (i + 5 < ports.length) {
                    g.moveTo(ports[i + 2], ports[i + 3]);
                    g.lineTo(ports[i + 4], ports[i + 5]);
                }
            }
        } else {
            g.moveTo(e.x1(), e.y1());
            g.lineTo(e.x2(), e.y2());
        }
    }

    /**
     * An S-curve from (x1, y1) to (x2, y2), level at both ends, cut to the rows from {@code top} to {@code bottom}
     * before the pipeline rasterizes it: zoomed in on ten thousand nodes, an edge between two far rows runs thousands of
     * pixels out of view, which the rasterizer would otherwise flatten and walk whole.
     */
    static void curveInView(GraphicsContext g, double x1, double y1, double x2, double y2, double top, double bottom) {
        double bend = (x2 - x1) / 2;
        double[] curve = {x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2};
        if (y1 != y2) {
            // y runs from y1 to y2 along the smoothstep 3t² − 2t³, so the t where it meets a row has a closed form.
            double from = Math.max(0, Math.min(1, (Math.min(top, bottom) - y1) / (y2 - y1)));
            double to = Math.max(0, Math.min(1, (Math.max(top, bottom) - y1) / (y2 - y1)));
            double t0 = smoothstepInverse(Math.min(from, to));
            double t1 = smoothstepInverse(Math.max(from, to));
            if (t1 <= t0) {
                return;
            }
            curve = slice(curve, t0, t1);
        }
        g.moveTo(curve[0], curve[1]);
        g.bezierCurveTo(curve[2], curve[3], curve[4], curve[5], curve[6], curve[7]);
    }

    /** The t in [0, 1] where 3t² − 2t³ equals {@code s}. */
    static double smoothstepInverse(double s) {
        return 0.5 - Math.sin(Math.asin(1 - 2 * s) / 3);
    }

    /** The part of a cubic Bézier (four points, x and y each) between t0 and t1, by de Casteljau's construction. */
    static double[] slice(double[] curve, double t0, double t1) {
        double[] head = split(curve, t1, true);
        return t1 == 0 ? head : split(head, t0 / t1, false);
    }

    private static double[] split(double[] c, double t, boolean first) {
        double[] out = new double[8];
        for (int axis = 0; axis < 2; axis++) {
            double p0 = c[axis];
            double p1 = c[2 + axis];
            double p2 = c[4 + axis];
            double p3 = c[6 + axis];
            double a = p0 + (p1 - p0) * t;
            double b = p1 + (p2 - p1) * t;
            double cc = p2 + (p3 - p2) * t;
            double d = a + (b - a) * t;
            double e = b + (cc - b) * t;
            double f = d + (e - d) * t;
            double[] points = first ? new double[] {p0, a, d, f} : new double[] {f, e, cc, p3};
            for (int i = 0; i < 4; i++) {
                out[2 * i + axis] = points[i];
            }
        }
        return out;
    }

    /** The fill for a node: by reward on the legend's scale when scored, a neutral grey otherwise. */
    private Color fill(Node node) {
        return fill(node, laid, palette.grid());
    }

    private static Color fill(Node node, Laid tree, Color grid) {
        if (node.reward() == null || node.kind() == Kind.FAILED || node.kind() == Kind.REJECTED
                || node.kind() == Kind.UNIMPLEMENTABLE) {
            return grid;
        }
        double span = tree.best() - tree.worst();
        double t = span == 0 || !Double.isFinite(span) ? 1 : (node.reward() - tree.worst()) / span;
        return ramp(Math.max(0, Math.min(1, t)));
    }

    /**
     * Red (worst) through amber to green (best): the legend's scale, in 256 steps made once (each node of each frame
     * made a new colour before, ten thousand a frame zoomed out).
     */
    static Color ramp(double t) {
        return RAMP[(int) Math.round(Math.max(0, Math.min(1, t)) * (RAMP.length - 1))];
    }

    private void box(GraphicsContext g, Node node, double x, double y, double w, double h, boolean isSelected) {
        boolean onPath = bestPath.contains(node.id());
        Color edge = isSelected ? palette.ink() : onPath ? palette.accent() : node.kind() == Kind.FAILED ? palette.bad()
                : palette.muted();
        double line = isSelected ? 3 : onPath ? 2 : 1;
        // Square boxes at whole pixels, the outline as a rectangle under the fill: the software renderer fills those
        // itself, where a rounded box's fill and outline went through its path rasterizer, which was most of its time
        // painting a view of boxes (101 ms for a full-size view, docs/performance-history.md).
        double left = Math.round(x);
        double top = Math.round(y);
        double boxWidth = Math.round(x + w) - left;
        double boxHeight = Math.round(y + h) - top;
        boolean dashed = node.kind() == Kind.UNIMPLEMENTABLE || node.kind() == Kind.PENDING;
        if (dashed) {
            g.setFill(fill(node));
            g.fillRect(left, top, boxWidth, boxHeight);
            g.setLineDashes(4, 3);
            g.setStroke(edge);
            g.setLineWidth(line);
            g.strokeRect(left + line / 2, top + line / 2, boxWidth - line, boxHeight - line);
            g.setLineDashes(null);
        } else {
            g.setFill(edge);
            g.fillRect(left, top, boxWidth, boxHeight);
            g.setFill(fill(node));
            g.fillRect(left + line, top + line, boxWidth - 2 * line, boxHeight - 2 * line);
        }
        g.setFill(BOX_TEXT);
        if (node.kind() == Kind.FAILED || node.kind() == Kind.REJECTED || node.kind() == Kind.UNIMPLEMENTABLE) {
            g.setFill(palette.ink());
        }
        Font font = labelFont(node.kind() == Kind.BASELINE, 11 * zoom);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        if (promoted.contains(node.id())) {
            ring(g, left, top, boxWidth, boxHeight, Math.round(3 * zoom));
        }
        String badge = (promoted.contains(node.id()) ? "\u2605 " : "") + (node.humanSeeded() ? "\u263A " : "") + (node.humanEdited() ? "\u270E " : "")
                + switch (node.kind()) {
                    case FAILED -> "\u2715 ";
                    case REJECTED -> "\u2298 ";
                    case UNIMPLEMENTABLE -> "? ";
                    default -> "";
                };
        String reward = node.reward() == null ? "" : "  " + String.format(Locale.ROOT, "%.4g", node.reward());
        String text = badge + node.label();
        // Cut to the box here, the reward kept, rather than left to a maxWidth, which squeezes the glyphs (LabelFitter).
        double room = w - 10 * zoom - 1;
        String title = labels.fit(text, font, room - labels.width(reward, font));
        g.fillText(title.isEmpty() ? labels.fit(text + reward, font, room) : title + reward, x + 6 * zoom,
                y + h / 2 + 4 * zoom);
        if (node.kind() == Kind.REJECTED) {
            g.setStroke(palette.ink());
            g.setLineWidth(1);
            g.strokeLine(x + 4 * zoom, y + h / 2, x + w - 4 * zoom, y + h / 2);
        }
    }

    /**
     * The labels' font at {@code size} rounded to whole pixels, made once per size: at every size the renderer makes
     * and fills a glyph cache of its own, so a wheel gesture that drew each frame at 11 × zoom rasterized every glyph
     * again each frame (FreeType showed in the renderer's samples).
     */
    private Font labelFont(boolean bold, double size) {
        long pixels = Math.max(1, Math.round(size));
        return labelFonts.computeIfAbsent(bold ? -pixels : pixels,
                key -> Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, pixels));
    }

    /** The promoted mark: a second outline just outside the box, in ink, apart from the selection and path outlines. */
    private void ring(GraphicsContext g, double x, double y, double w, double h, double gap) {
        g.setLineDashes(null);
        g.setStroke(palette.ink());
        g.setLineWidth(1.5);
        g.strokeRect(x - gap, y - gap, w + 2 * gap, h + 2 * gap);
    }

    private void dot(GraphicsContext g, Node node, double x, double y, double w, double h, boolean isSelected) {
        double size = Math.max(2, h);
        if (promoted.contains(node.id())) {
            ring(g, x, y, Math.max(3, w), size, 3);
        }
        if (h >= 9) { // room for the number at least, which the hover and the side panel name in full
            g.setFill(BOX_TEXT);
            Font font = labelFont(false, Math.min(11, h * 0.75));
            String number = node.id() == LineageGraph.BASELINE ? "baseline" : "#" + node.id();
            if (labels.width(number, font) <= w - 4) { // a number cut short would name another node
                g.setFont(font);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(number, x + 3, y + h * 0.78);
            }
        }
        if (isSelected || bestPath.contains(node.id())) {
            g.setStroke(isSelected ? palette.ink() : palette.accent());
            g.setLineWidth(isSelected ? 2 : 1.5);
            g.strokeRect(x - 1, y - 1, Math.max(3, w) + 2, size + 2);
        }
    }

    /**
     * One thing the legend shows, placed relative to the legend's top-left corner: the reward scale, the two edge
     * swatches with their words, or a mark's word. Each takes {@code width} pixels on a row of {@code height}.
     */
    record LegendEntry(String text, double x, double y, double width, double height) {}

    /** The legend's kinds of entry besides plain words, told apart by their text. */
    private static final String SCALE = "reward";
    private static final String BEST_PATH = "best path";
    private static final String FAINT = "also bred from (faint)";
    private static final List<String> MARKS = List.of("\u2605 promoted to baseline", "\u2715 failed", "\u2298 rejected",
            "? unimplementable", "\u263A seeded by a person", "\u270E edited by a person", "dashed box: not scored yet");
    private static final Font LEGEND_FONT = Font.font(11);
    private static final double LEGEND_ROW = 16;
    private static final double LEGEND_GAP = 18;

    /**
     * The legend laid out for a canvas this wide: entries flow left to right and wrap onto another row rather than
     * run past the edge, so that on a narrow canvas every entry is still whole and readable.
     */
    List<LegendEntry> legendEntries(double width) {
        List<LegendEntry> entries = new ArrayList<>();
        double right = Math.max(width - 12, 12 + 218);
        double x = 12;
        double y = 10;
        entries.add(new LegendEntry(SCALE, x, y, 218, 30));
        x += 218 + LEGEND_GAP;
        double rowHeight = 30;
        List<String> rest = new ArrayList<>(List.of(BEST_PATH, FAINT));
        rest.addAll(MARKS);
        for (String text : rest) {
            double entryWidth = textWidth(text) + (text.equals(BEST_PATH) || text.equals(FAINT) ? 26 : 0);
            if (x + entryWidth > right && x > 12) {
                x = 12;
                y += rowHeight;
                rowHeight = LEGEND_ROW;
            }
            entries.add(new LegendEntry(text, x, y, entryWidth, LEGEND_ROW));
            x += entryWidth + LEGEND_GAP;
        }
        return entries;
    }

    /** How tall the legend under the tree is at this width: its rows and a margin. */
    double legendHeight(double width) {
        double bottom = 0;
        for (LegendEntry entry : legendEntries(width)) {
            bottom = Math.max(bottom, entry.y() + entry.height());
        }
        return bottom + 4;
    }

    private double textWidth(String text) {
        return legendWidths.computeIfAbsent(text, key -> {
            javafx.scene.text.Text measured = new javafx.scene.text.Text(key);
            measured.setFont(LEGEND_FONT);
            return Math.ceil(measured.getLayoutBounds().getWidth());
        });
    }

    private void legend(GraphicsContext g, double width, double height) {
        double top = height - legendHeight(width);
        g.setFont(LEGEND_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        for (LegendEntry entry : legendEntries(width)) {
            double x = entry.x();
            double y = top + entry.y();
            g.setFill(palette.ink());
            switch (entry.text()) {
                case SCALE -> scale(g, x, y);
                case BEST_PATH -> {
                    g.setStroke(palette.accent());
                    g.setLineWidth(3);
                    g.strokeLine(x, y + 6, x + 20, y + 6);
                    g.fillText(entry.text(), x + 26, y + 10);
                }
                case FAINT -> {
                    g.setStroke(palette.muted().deriveColor(0, 1, 1, 0.35));
                    g.setLineWidth(1);
                    g.strokeLine(x, y + 6, x + 20, y + 6);
                    g.fillText(entry.text(), x + 26, y + 10);
                }
                default -> g.fillText(entry.text(), x, y + 10);
            }
        }
    }

    /** The reward scale: its word, the colour ramp, and the worst and best rewards under its ends. */
    private void scale(GraphicsContext g, double x, double y) {
        boolean scored = Double.isFinite(worst) && Double.isFinite(best);
        g.fillText("reward", x, y + 10);
        x += 48;
        g.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, ramp(0)), new Stop(0.5, ramp(0.5)), new Stop(1, ramp(1))));
        g.fillRect(x, y, 170, 12);
        g.setFill(palette.muted());
        g.fillText(scored ? String.format(Locale.ROOT, "%.4g", worst) : "worse", x, y + 24);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(scored ? String.format(Locale.ROOT, "%.4g (better)", best) : "better", x + 170, y + 24);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
