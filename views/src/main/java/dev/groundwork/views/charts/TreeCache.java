package dev.groundwork.views.charts;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The lineage as last painted around the view, kept on a canvas of its own under the chart's, so that a pan frame
 * moves that canvas instead of rasterizing ten thousand nodes and their edges again, and a zoom gesture's frame scales
 * it. Painting it records drawing commands that the renderer rasterizes on its own thread: no snapshot, so the FX
 * thread never waits for the pixels (a snapshot of the cache at full size held it 290 ms and more). The layer is
 * valid while what it shows ({@link Key}) is unchanged and it still covers the view; hidden while the chart paints the
 * tree itself.
 */
final class TreeCache {

    /**
     * What the cached pixels depend on besides the pan; the tree itself is forgotten explicitly when it changes. A zoom
     * gesture may draw blocks where a still view draws boxes ({@code detail}). Not the selection: the picked nodes are
     * drawn over the tree on a canvas of their own. Not the view's size either: a cache that still covers a resized
     * view shows it as well as before.
     */
    record Key(double zoom, boolean detail, Color ink, Color muted, Color grid, Color accent, Color bad) {
        Key withZoom(double other) {
            return new Key(other, detail, ink, muted, grid, accent, bad);
        }

        Key withDetail(boolean other) {
            return new Key(zoom, other, ink, muted, grid, accent, bad);
        }
    }

    /** Paints the tree into a graphics context {@code width} by {@code height}. */
    interface Painter {
        void paint(GraphicsContext g, double width, double height);
    }

    /**
     * Time after a paint by which the renderer has rasterized it: a read-back sooner would have the FX thread wait for
     * the whole paint (a full-size view's boxes and labels took it 40 ms and more).
     */
    private static final long RASTERIZED_NANOS = 100_000_000;

    private final Canvas layer = new Canvas();
    /** Scales a gesture's frames itself when the renderer is the software one; null on a GPU pipeline. */
    private final ScaledReadBack readBack;
    /** Whether {@link #readBack} holds the pixels of the paint now shown. */
    private boolean readBackCurrent;
    private long paintedAt;
    /** Cuts the layer to the view, above the legend. */
    private final Rectangle view = new Rectangle();
    private final Pane viewport = new Pane(layer);
    private final Translate at = new Translate();
    private final Scale scaled = new Scale(1, 1, 0, 0);
    private Key key;
    /** Where the layer's top-left corner lies relative to the pan (the screen position of the tree's origin). */
    private double offsetX;
    private double offsetY;

    /** @param scaleItself whether a gesture's frames are scaled here rather than by the renderer (software pipeline) */
    TreeCache(boolean scaleItself) {
        readBack = scaleItself ? new ScaledReadBack() : null;
        viewport.setManaged(false);
        viewport.setMouseTransparent(true);
        viewport.setClip(view);
        viewport.setVisible(false);
        layer.getTransforms().setAll(at, scaled);
    }

    /** The node to put under the chart's canvas. */
    Node node() {
        return viewport;
    }

    /**
     * Whether the cache shows {@code key} and covers the screen rectangle {left, top, right, bottom} (none when the
     * tree is out of view).
     */
    boolean covers(Key key, double panX, double panY, double[] rectangle) {
        if (this.key == null || rectangle == null || !key.equals(this.key)) {
            return false;
        }
        double left = rectangle[0];
        double top = rectangle[1];
        double right = rectangle[2];
        double bottom = rectangle[3];
        double x = Math.round(panX + offsetX);
        double y = Math.round(panY + offsetY);
        return x <= left && y <= top && x + layer.getWidth() >= right && y + layer.getHeight() >= bottom;
    }

    /**
     * Whether the cache shows {@code key} but for its zoom, within a factor of two of it, and drawn scaled to the key's
     * zoom still covers the screen rectangle {left, top, right, bottom}: a zoom gesture's frames can then be the cached
     * layer scaled.
     */
    boolean coversScaled(Key key, double panX, double panY, double[] rectangle) {
        double left = rectangle[0];
        double top = rectangle[1];
        double right = rectangle[2];
        double bottom = rectangle[3];
        if (!standsInFor(key)) {
            return false;
        }
        double scale = key.zoom() / this.key.zoom();
        if (scale < 0.5 || scale > 2) {
            return false;
        }
        double x = panX + offsetX * scale;
        double y = panY + offsetY * scale;
        return x <= left && y <= top && x + layer.getWidth() * scale >= right && y + layer.getHeight() * scale >= bottom;
    }

    /**
     * Whether the cache shows {@code key} but for its zoom, so that drawn scaled it can stand in for it. Boxes scaled
     * down stand in for blocks (a gesture begun among boxes, zooming out past them); blocks scaled up never stand in for
     * boxes.
     */
    boolean standsInFor(Key key) {
        return this.key != null && key.withZoom(this.key.zoom()).withDetail(key.detail() || this.key.detail()).equals(this.key);
    }

    /** The zoom the cache was painted at; call only when {@link #standsInFor} a key. */
    double zoom() {
        return key.zoom();
    }

    /** Shows the cache scaled from the zoom it was painted at to {@code zoom}, cut to the view. */
    void showScaled(double panX, double panY, double zoom, double width, double viewBottom) {
        double scale = zoom / key.zoom();
        show(panX + offsetX * scale, panY + offsetY * scale, scale, width, viewBottom);
    }

    /**
     * Paints the cache afresh, {@code width} by {@code height}, its corner at (offsetX, offsetY) from the pan: only
     * drawing commands are recorded here, the renderer turns them into pixels.
     */
    void paint(Key key, double offsetX, double offsetY, int width, int height, Painter painter) {
        layer.setWidth(width);
        layer.setHeight(height);
        GraphicsContext g = layer.getGraphicsContext2D();
        // Clearing the whole canvas also drops the commands of the paint before, which the renderer then skips.
        g.clearRect(0, 0, width, height);
        painter.paint(g, width, height);
        this.key = key;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        readBackCurrent = false;
        paintedAt = System.nanoTime();
    }

    /**
     * Draws the cache scaled from the zoom it was painted at to {@code zoom} onto {@code g}, over the view, and hides
     * the layer; false, leaving the renderer to scale the layer ({@link #showScaled}), on a GPU pipeline or while the
     * renderer may not have rasterized the last paint yet. The layer's pixels are read back once per paint.
     */
    boolean drawScaled(GraphicsContext g, double panX, double panY, double zoom, double width, double viewBottom) {
        if (readBack == null || key == null) {
            return false;
        }
        if (!readBackCurrent) {
            if (System.nanoTime() - paintedAt < RASTERIZED_NANOS) {
                return false;
            }
            // A snapshot of a node whose parent is hidden renders it with the transform last synced to the renderer,
            // which may put it out of its own picture: shown for the snapshot, the layer is synced as it is now.
            boolean shown = viewport.isVisible();
            viewport.setVisible(true);
            try {
                readBack.read(layer);
            } finally {
                viewport.setVisible(shown);
            }
            readBackCurrent = true;
        }
        double scale = zoom / key.zoom();
        readBack.drawScaled(g, panX + offsetX * scale, panY + offsetY * scale, scale, (int) width, (int) viewBottom);
        hide();
        return true;
    }

    /** Shows the part of the cache that falls in the view, at whole pixels so that the layer is not resampled. */
    void showAt(double panX, double panY, double width, double viewBottom) {
        if (key != null) {
            show(Math.round(panX + offsetX), Math.round(panY + offsetY), 1, width, viewBottom);
        }
    }

    private void show(double x, double y, double scale, double width, double viewBottom) {
        view.setWidth(width);
        view.setHeight(viewBottom);
        at.setX(x);
        at.setY(y);
        scaled.setX(scale);
        scaled.setY(scale);
        viewport.setVisible(true);
    }

    /** Hides the layer: the chart paints the tree itself. */
    void hide() {
        viewport.setVisible(false);
    }

    /** Whether the layer is what shows the tree now (tests ask). */
    boolean showing() {
        return viewport.isVisible();
    }

    /** Drops the cache, for a new tree. */
    void forget() {
        key = null;
        readBackCurrent = false;
        if (readBack != null) {
            readBack.forget();
        }
        viewport.setVisible(false);
    }
}
