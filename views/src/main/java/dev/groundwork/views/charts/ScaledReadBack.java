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
 * at 1200×800 whatever was in it; resampled here it costs a few milliseconds, and the renderer then blits the frame
 * unscaled (docs/performance.md). On a GPU pipeline scaling is free, and this is not used.
 * Bilinear, as the renderer's own: nearest-neighbour was cheaper still, but a 1px line or a label's stroke scaled by
 * 1.4 came out as two, and the tree looked doubled until the gesture paused.
 */
final class ScaledReadBack {

    private static final WritablePixelFormat<java.nio.IntBuffer> FORMAT = PixelFormat.getIntArgbPreInstance();

    private WritableImage readBack;
    /** The pixels read (premultiplied ARGB), inside a transparent border a pixel wide, so that sampling needs no test. */
    private int[] source = new int[0];
    private int sourceWidth;
    private int sourceHeight;
    private int stride;
    private int[] frame = new int[0];
    /** Per column of the frame: the bordered source column left of its sample (-1 outside), and the weight right of it. */
    private int[] columns = new int[0];
    private int[] columnWeights = new int[0];
    /** Two source rows resampled across the frame's width, the one above a frame row's samples and the one below. */
    private int[] upper = new int[0];
    private int[] lower = new int[0];
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
        stride = sourceWidth + 2;
        int size = stride * (sourceHeight + 2);
        if (source.length < size) {
            source = new int[size];
        } else {
            java.util.Arrays.fill(source, 0, size, 0);
        }
        readBack.getPixelReader().getPixels(0, 0, sourceWidth, sourceHeight, FORMAT, source, stride + 1, stride);
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
            columnWeights = new int[width];
        }
        double inverse = 1 / scale;
        for (int x = 0; x < width; x++) {
            double at = (x + 0.5 - left) * inverse - 0.5; // the source's pixel centres are at whole coordinates
            int column = (int) Math.floor(at);
            columns[x] = column >= -1 && column < sourceWidth ? column + 1 : -1;
            columnWeights[x] = (int) ((at - column) * 256);
        }
        if (upper.length < width) {
            upper = new int[width];
            lower = new int[width];
        }
        int upperRow = Integer.MIN_VALUE; // the bordered source row resampled into upper; lower holds the next one
        for (int y = 0; y < height; y++) {
            double at = (y + 0.5 - top) * inverse - 0.5;
            int row = (int) Math.floor(at);
            int out = y * width;
            if (row < -1 || row >= sourceHeight) {
                java.util.Arrays.fill(frame, out, out + width, 0);
                continue;
            }
            // Zoomed in, rows of the frame share their two source rows: each is resampled across once.
            if (row == upperRow) { // one row further down: the lower row becomes the upper
                int[] swap = upper;
                upper = lower;
                lower = swap;
                across(row + 2, lower, width);
            } else if (row + 1 != upperRow) {
                across(row + 1, upper, width);
                across(row + 2, lower, width);
            }
            upperRow = row + 1;
            down((int) ((at - row) * 256), width, out);
        }
        if (frameImage == null || frameImage.getWidth() < width || frameImage.getHeight() < height) {
            frameImage = new WritableImage(width, height);
        }
        frameImage.getPixelWriter().setPixels(0, 0, width, height, FORMAT, frame, 0, width);
        g.drawImage(frameImage, 0, 0, width, height, 0, 0, width, height);
    }

    /**
     * The bordered source row {@code row} resampled across the frame's columns into {@code into}. This and
     * {@link #down} are small methods of their own, which the JIT compiles after a few calls: with the loop inside the
     * frame's method (left to on-stack replacement), one run of `bench charts` had a whole series of frames at 32 ms
     * instead of 11.
     */
    private void across(int row, int[] into, int width) {
        int[] pixels = source;
        int start = row * stride;
        for (int x = 0; x < width; x++) {
            int column = columns[x];
            if (column < 0) {
                into[x] = 0;
                continue;
            }
            int left = pixels[start + column];
            int right = pixels[start + column + 1];
            into[x] = left == right ? left : mix(left, right, columnWeights[x]);
        }
    }

    /** A row of the frame, {@code below}/256 of the way from the upper resampled row to the lower one. */
    private void down(int below, int width, int out) {
        int[] above = upper;
        int[] under = lower;
        int[] into = frame;
        for (int x = 0; x < width; x++) {
            int a = above[x];
            int b = under[x];
            into[out + x] = a == b ? a : mix(a, b, below); // most of a view: the empty background, or inside a box
        }
    }

    /**
     * {@code a} and {@code b} mixed, {@code weight}/256 of {@code b}: two channels at a time, red with blue and alpha with
     * green, each in 16 bits of an int (premultiplied pixels mix channel by channel).
     */
    static int mix(int a, int b, int weight) {
        int keep = 256 - weight;
        int redBlue = (((a & 0xFF00FF) * keep + (b & 0xFF00FF) * weight) >>> 8) & 0xFF00FF;
        int alphaGreen = (((a >>> 8) & 0xFF00FF) * keep + ((b >>> 8) & 0xFF00FF) * weight) & 0xFF00FF00;
        return alphaGreen | redBlue;
    }

    /** Lets go of the pixels (a new tree). */
    void forget() {
        readBack = null;
        source = new int[0];
        frame = new int[0];
        frameImage = null;
    }
}
