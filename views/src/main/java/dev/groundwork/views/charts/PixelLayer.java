package dev.groundwork.views.charts;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A frame's worth of tiny marks drawn straight into pixels and put on the canvas as one image. Ten thousand rectangles
 * and lines cost the canvas ten thousand commands for its pipeline to rasterize; written here they cost a few
 * milliseconds, which is what the lineage needs when it is zoomed out far enough that every node is on screen.
 */
final class PixelLayer {

    private int width;
    private int height;
    private int[] argb = new int[0];
    private WritableImage image;
    private final int[] blend = new int[256];
    private int tableAlpha = -1;
    /** Whether the image holds the pixels as they are now. */
    private boolean written;
    /** What {@link #clip} answers, and the parameters it narrows. */
    private final double[] clipped = new double[4];
    private double enter;
    private double leave;

    /**
     * Starts a transparent frame of this size. The pixels and the image only grow: a cache painted at a new size each
     * zoom step reuses them rather than leaving a few megabytes of arrays and a texture behind for the collector.
     */
    void clear(int width, int height) {
        written = false;
        this.width = width;
        this.height = height;
        int size = Math.max(1, width * height);
        if (size > argb.length) {
            argb = new int[size];
        } else {
            Arrays.fill(argb, 0, size, 0);
        }
        dropImageIfSmaller(); // made again when the pixels are next copied into it
    }

    /** Lets go of an image too small for the frame. */
    private void dropImageIfSmaller() {
        if (image != null && (image.getWidth() < width || image.getHeight() < height)) {
            image = null;
        }
    }

    /**
     * Trades pixels with {@code other}: each takes the other's frame and size, and keeps its own image, which is
     * written from the new pixels when it is next drawn. A frame written off the FX thread comes into a layer whose
     * image a canvas may be holding this way without copying.
     */
    void swapPixels(PixelLayer other) {
        int[] pixels = argb;
        int w = width;
        int h = height;
        argb = other.argb;
        width = other.width;
        height = other.height;
        other.argb = pixels;
        other.width = w;
        other.height = h;
        written = false;
        other.written = false;
        dropImageIfSmaller();
        other.dropImageIfSmaller();
    }

    void fillRect(double x, double y, double w, double h, Color colour) {
        written = false;
        int value = toArgb(colour, 1);
        int x0 = Math.max(0, (int) Math.floor(x));
        int y0 = Math.max(0, (int) Math.floor(y));
        int x1 = Math.min(width, (int) Math.ceil(x + w));
        int y1 = Math.min(height, (int) Math.ceil(y + h));
        for (int row = y0; row < y1; row++) {
            Arrays.fill(argb, row * width + x0, Math.max(row * width + x0, row * width + x1), value);
        }
    }

    /**
     * A one-pixel line (Bresenham) in one colour shared by every line of the frame, drawn before anything else: where
     * lines cross only their opacity adds up, so a pixel is blended with integer arithmetic on its alpha alone.
     */
    void line(double fromX, double fromY, double toX, double toY, Color colour, double opacity) {
        written = false;
        double[] clipped = clip(fromX, fromY, toX, toY);
        if (clipped == null) {
            return;
        }
        int x = (int) Math.round(clipped[0]);
        int y = (int) Math.round(clipped[1]);
        int x1 = (int) Math.round(clipped[2]);
        int y1 = (int) Math.round(clipped[3]);
        int dx = Math.abs(x1 - x);
        int dy = -Math.abs(y1 - y);
        int sx = x < x1 ? 1 : -1;
        int sy = y < y1 ? 1 : -1;
        int error = dx + dy;
        int source = toArgb(colour, opacity);
        int rgb = source & 0xFFFFFF;
        int[] over = blendTable(source >>> 24);
        for (int steps = 0; steps < 20_000; steps++) {
            if (x >= 0 && y >= 0 && x < width && y < height) {
                int at = y * width + x;
                argb[at] = over[argb[at] >>> 24] | rgb;
            }
            if (x == x1 && y == y1) {
                return;
            }
            int twice = 2 * error;
            if (twice >= dy) {
                error += dy;
                x += sx;
            }
            if (twice <= dx) {
                error += dx;
                y += sy;
            }
        }
    }

    /**
     * A disc (filled) or a ring (its outer pixel and a half) centred at (cx, cy), blended as {@link #line} blends: the
     * marks of a scatter of thousands of runs, which the canvas would rasterize one antialiased oval at a time.
     */
    void disc(double cx, double cy, double radius, boolean filled, Color colour, double opacity) {
        written = false;
        int source = toArgb(colour, opacity);
        int rgb = source & 0xFFFFFF;
        int[] over = blendTable(source >>> 24);
        double outer = radius * radius;
        double inner = filled ? -1 : (radius - 1.5) * (radius - 1.5);
        int x0 = Math.max(0, (int) Math.floor(cx - radius));
        int y0 = Math.max(0, (int) Math.floor(cy - radius));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + radius));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + radius));
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double d = dx * dx + dy * dy;
                if (d <= outer && d > inner) {
                    int at = y * width + x;
                    argb[at] = over[argb[at] >>> 24] | rgb;
                }
            }
        }
    }

    /**
     * An antialiased one-pixel line (Wu's): each step along the line covers the two pixels it falls between, in
     * proportion. Like {@link #line}, every line of a frame shares one colour, so only the alpha adds up where lines cross.
     */
    void smoothLine(double fromX, double fromY, double toX, double toY, Color colour, double opacity) {
        smoothLine(fromX, fromY, toX, toY, colour, opacity, false);
    }

    /**
     * The same, leaving out the pixel column (or row) at the start when {@code joined}: the line continues one that
     * ended there, whose last pixels would otherwise be covered twice and show as a darker dot at every joint.
     */
    void smoothLine(double fromX, double fromY, double toX, double toY, Color colour, double opacity, boolean joined) {
        written = false;
        double[] clipped = clip(fromX, fromY, toX, toY);
        if (clipped == null) {
            return;
        }
        double x0 = clipped[0];
        double y0 = clipped[1];
        double x1 = clipped[2];
        double y1 = clipped[3];
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        if (steep) { // walk along y instead: swap the axes
            double t = x0; x0 = y0; y0 = t;
            t = x1; x1 = y1; y1 = t;
        }
        boolean reversed = x0 > x1;
        if (reversed) {
            double t = x0; x0 = x1; x1 = t;
            t = y0; y0 = y1; y1 = t;
        }
        int rgb = toArgb(colour, 1) & 0xFFFFFF;
        double alpha = colour.getOpacity() * opacity * 255;
        double gradient = x1 == x0 ? 0 : (y1 - y0) / (x1 - x0);
        int from = (int) Math.round(x0) + (joined && !reversed ? 1 : 0);
        int to = (int) Math.round(x1) - (joined && reversed ? 1 : 0);
        double y = y0 + gradient * (from - x0);
        for (int x = from; x <= to; x++, y += gradient) {
            int row = (int) Math.floor(y);
            double below = y - row;
            cover(steep, x, row, rgb, alpha * (1 - below));
            cover(steep, x, row + 1, rgb, alpha * below);
        }
    }

    /** Blends {@code alpha} (0–255) of the frame's line colour over one pixel; (major, minor) swapped when steep. */
    private void cover(boolean steep, int major, int minor, int rgb, double alpha) {
        int x = steep ? minor : major;
        int y = steep ? major : minor;
        if (alpha < 1 || x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int at = y * width + x;
        int a = (int) alpha;
        int under = argb[at] >>> 24;
        argb[at] = (a + under * (255 - a) / 255) << 24 | rgb;
    }

    /**
     * The alpha a pixel of each alpha below gets when a line of {@code alpha} is drawn over it, shifted into place: the
     * frame's lines share one opacity, so the table is made once a frame rather than dividing at every pixel.
     */
    private int[] blendTable(int alpha) {
        if (alpha != tableAlpha) {
            for (int below = 0; below < 256; below++) {
                blend[below] = (alpha + below * (255 - alpha) / 255) << 24;
            }
            tableAlpha = alpha;
        }
        return blend;
    }

    /**
     * The part of a line inside the frame (Liang–Barsky), or null when none is: an edge that runs far out of view would
     * otherwise be walked pixel by pixel along its whole length. The answer is the same array each time, good until the
     * next call: a frame clips thousands of lines.
     */
    double[] clip(double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        enter = 0;
        leave = 1;
        if (!clipSide(-dx, x0) || !clipSide(dx, width - 1 - x0) || !clipSide(-dy, y0) || !clipSide(dy, height - 1 - y0)
                || enter > leave) {
            return null;
        }
        clipped[0] = x0 + enter * dx;
        clipped[1] = y0 + enter * dy;
        clipped[2] = x0 + leave * dx;
        clipped[3] = y0 + leave * dy;
        return clipped;
    }

    /** Narrows {@link #enter} and {@link #leave} to one side of the frame; false when the line is wholly outside it. */
    private boolean clipSide(double p, double q) {
        if (p == 0) {
            return q >= 0;
        }
        double t = q / p;
        if (p < 0) {
            enter = Math.max(enter, t);
        } else {
            leave = Math.min(leave, t);
        }
        return true;
    }

    /** The pixel at (x, y) as ARGB (tests look). */
    int pixel(int x, int y) {
        return argb[y * width + x];
    }

    /** Puts the frame on the canvas at its top-left corner. */
    void drawTo(GraphicsContext g) {
        drawTo(g, 0, 0, width, height);
    }

    /**
     * Puts the frame on the canvas scaled into this rectangle; its pixels are copied into the image only when they
     * changed since the last time, so a frame drawn again as it was (the lineage when only its selection changed) costs a
     * blit.
     */
    void drawTo(GraphicsContext g, double x, double y, double w, double h) {
        if (width <= 0 || height <= 0) {
            return;
        }
        writeImage();
        g.drawImage(image, 0, 0, width, height, x, y, w, h); // the frame's part of an image that may be larger
    }

    /**
     * Copies the pixels into the image now, so that drawing them costs the FX thread a blit: a layer written off the FX
     * thread calls it there too, since converting a chart's pixels held the FX thread 9 ms and more. Only for a layer
     * no canvas has drawn yet; the image is not shared across threads after that.
     */
    void writeImage() {
        if (width <= 0 || height <= 0 || written) {
            return;
        }
        if (image == null) {
            image = new WritableImage(width, height);
        }
        PixelWriter writer = image.getPixelWriter();
        writer.setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        // An image kept from a larger frame: a transparent pixel past each edge, so that a scaled draw that samples
        // beyond the frame finds nothing of the old one there.
        if (image.getWidth() > width) {
            writer.setPixels(width, 0, 1, height, PixelFormat.getIntArgbInstance(), new int[height], 0, 1);
        }
        if (image.getHeight() > height) {
            writer.setPixels(0, height, width, 1, PixelFormat.getIntArgbInstance(), new int[width], 0, width);
        }
        written = true;
    }

    private static int toArgb(Color colour, double opacity) {
        return ((int) Math.round(colour.getOpacity() * opacity * 255) << 24) | ((int) Math.round(colour.getRed() * 255) << 16)
                | ((int) Math.round(colour.getGreen() * 255) << 8) | (int) Math.round(colour.getBlue() * 255);
    }
}
