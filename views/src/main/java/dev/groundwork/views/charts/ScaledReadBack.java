package dev.groundwork.views.charts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritablePixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A canvas's pixels read back once and then drawn scaled by this class rather than by the renderer. JavaFX's software
 * pipeline resamples a scaled image at about 14 ns a pixel, so a zoom gesture's frame of the cached tree cost 16-17 ms
 * at 1200×800 whatever was in it; copying the pixels here is about 1 ns a pixel, and the renderer then blits the frame
 * unscaled (docs/performance.md). On a GPU pipeline scaling is free, and this is not used.
 * Nearest-neighbour: a gesture's frames last until it pauses, when the tree is painted sharp.
 */
final class ScaledReadBack {

    private static final WritablePixelFormat<java.nio.IntBuffer> FORMAT = PixelFormat.getIntArgbPreInstance();

    private WritableImage readBack;
    private int[] source = new int[0];
    private int sourceWidth;
    private int sourceHeight;
    private int[] frame = new int[0];
    private int[] columns = new int[0];
    private WritableImage frameImage;

    /** Reads {@code layer}'s pixels (its own transforms left out), to be drawn scaled from now on. */
    void read(Canvas layer) {
        sourceWidth = (int) layer.getWidth();
        sourceHeight = (int) layer.getHeight();
        if (readBack != null && (readBack.getWidth() < sourceWidth || readBack.getHeight() < sourceHeight)) {
            readBack = null; // a snapshot into an image renders only as much as the image holds
        }
        var transforms = java.util.List.copyOf(layer.getTransforms());
        layer.getTransforms().clear();
        try {
            javafx.scene.SnapshotParameters clear = new javafx.scene.SnapshotParameters();
            clear.setFill(Color.TRANSPARENT);
            readBack = layer.snapshot(clear, readBack);
        } finally {
            layer.getTransforms().setAll(transforms);
        }
        if (source.length < sourceWidth * sourceHeight) {
            source = new int[sourceWidth * sourceHeight];
        }
        readBack.getPixelReader().getPixels(0, 0, sourceWidth, sourceHeight, FORMAT, source, 0, sourceWidth);
    }

    /**
     * Draws the pixels read, scaled by {@code scale} with their top-left corner at ({@code left}, {@code top}), into the
     * rectangle (0, 0, width, height) of {@code g}; transparent where they do not reach.
     */
    void drawScaled(GraphicsContext g, double left, double top, double scale, int width, int height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        if (frame.length < width * height) {
            frame = new int[width * height];
        }
        if (columns.length < width) {
            columns = new int[width];
        }
        double inverse = 1 / scale;
        for (int x = 0; x < width; x++) {
            int from = (int) Math.floor((x + 0.5 - left) * inverse);
            columns[x] = from >= 0 && from < sourceWidth ? from : -1;
        }
        for (int y = 0; y < height; y++) {
            int from = (int) Math.floor((y + 0.5 - top) * inverse);
            int at = y * width;
            if (from < 0 || from >= sourceHeight) {
                java.util.Arrays.fill(frame, at, at + width, 0);
                continue;
            }
            int row = from * sourceWidth;
            for (int x = 0; x < width; x++) {
                int column = columns[x];
                frame[at + x] = column < 0 ? 0 : source[row + column];
            }
        }
        if (frameImage == null || frameImage.getWidth() < width || frameImage.getHeight() < height) {
            frameImage = new WritableImage(width, height);
        }
        frameImage.getPixelWriter().setPixels(0, 0, width, height, FORMAT, frame, 0, width);
        g.drawImage(frameImage, 0, 0, width, height, 0, 0, width, height);
    }

    /** Lets go of the pixels (a new tree). */
    void forget() {
        readBack = null;
        source = new int[0];
        frame = new int[0];
        frameImage = null;
    }
}
