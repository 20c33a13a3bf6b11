package dev.groundwork.views.charts;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The lineage as last painted around the view, kept as an image so that a pan frame draws one image at an offset
 * instead of rasterizing ten thousand nodes and their edges again. The cache is painted on an off-screen canvas a
 * little larger than the view and is valid while what it shows ({@link Key}) is unchanged and it still covers the view.
 */
final class TreeCache {

    /** What the cached pixels depend on besides the pan; the tree itself is forgotten explicitly when it changes. */
    record Key(double zoom, double width, double viewBottom, Long selected, java.util.List<Long> chosen, Color ink, Color muted, Color grid,
               Color accent, Color bad) {
        Key withZoom(double other) {
            return new Key(other, width, viewBottom, selected, chosen, ink, muted, grid, accent, bad);
        }
    }

    /** Paints the tree into a graphics context {@code width} by {@code height}. */
    interface Painter {
        void paint(GraphicsContext g, double width, double height);
    }

    private final Canvas canvas = new Canvas();
    private final SnapshotParameters transparent = new SnapshotParameters();
    private WritableImage image;
    private Key key;
    /** Where the image's top-left corner lies relative to the pan (the screen position of the tree's origin). */
    private double offsetX;
    private double offsetY;

    TreeCache() {
        transparent.setFill(Color.TRANSPARENT);
    }

    /** Whether the cache shows {@code key} and covers the screen rectangle from (left, top) to (right, bottom). */
    boolean covers(Key key, double panX, double panY, double left, double top, double right, double bottom) {
        if (image == null || !key.equals(this.key)) {
            return false;
        }
        double x = Math.round(panX + offsetX);
        double y = Math.round(panY + offsetY);
        return x <= left && y <= top && x + image.getWidth() >= right && y + image.getHeight() >= bottom;
    }

    /**
     * Whether the cache shows {@code key} but for its zoom, within a factor of two of it, and drawn scaled to the key's
     * zoom still covers the screen rectangle from (left, top) to (right, bottom): a zoom gesture's frames can then be
     * the cached image resampled.
     */
    boolean coversScaled(Key key, double panX, double panY, double left, double top, double right, double bottom) {
        if (image == null || !key.withZoom(this.key.zoom()).equals(this.key)) {
            return false;
        }
        double scale = key.zoom() / this.key.zoom();
        if (scale < 0.5 || scale > 2) {
            return false;
        }
        double x = panX + offsetX * scale;
        double y = panY + offsetY * scale;
        return x <= left && y <= top && x + image.getWidth() * scale >= right && y + image.getHeight() * scale >= bottom;
    }

    /** Draws the cache scaled from the zoom it was painted at to {@code zoom}, cut to the view. */
    void drawScaled(GraphicsContext g, double panX, double panY, double zoom, double width, double viewBottom) {
        double scale = zoom / key.zoom();
        double x = panX + offsetX * scale;
        double y = panY + offsetY * scale;
        double left = Math.max(0, x);
        double top = Math.max(0, y);
        double right = Math.min(width, x + image.getWidth() * scale);
        double bottom = Math.min(viewBottom, y + image.getHeight() * scale);
        if (right > left && bottom > top) {
            // Nearest pixel rather than smoothed: cheaper to resample, and the frame lasts only until the zoom settles.
            g.setImageSmoothing(false);
            g.drawImage(image, (left - x) / scale, (top - y) / scale, (right - left) / scale, (bottom - top) / scale,
                    left, top, right - left, bottom - top);
            g.setImageSmoothing(true);
        }
    }

    /** Paints the cache afresh, {@code width} by {@code height}, its corner at (offsetX, offsetY) from the pan. */
    void paint(Key key, double offsetX, double offsetY, int width, int height, Painter painter) {
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        painter.paint(g, width, height);
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        image = canvas.snapshot(transparent, image);
        this.key = key;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
    }

    /** Draws the part of the cache that falls in the view, whole pixels only so that the image is not resampled. */
    void drawTo(GraphicsContext g, double panX, double panY, double width, double viewBottom) {
        if (image == null) {
            return;
        }
        double x = Math.round(panX + offsetX);
        double y = Math.round(panY + offsetY);
        double sx = Math.max(0, -x);
        double sy = Math.max(0, -y);
        double sw = Math.min(image.getWidth(), width - x) - sx;
        double sh = Math.min(image.getHeight(), viewBottom - y) - sy;
        if (sw > 0 && sh > 0) {
            g.drawImage(image, sx, sy, sw, sh, x + sx, y + sy, sw, sh);
        }
    }

    /** Drops the cache, for a new tree. */
    void forget() {
        image = null;
        key = null;
    }
}
