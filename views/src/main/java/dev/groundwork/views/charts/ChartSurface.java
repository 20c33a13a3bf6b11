package dev.groundwork.views.charts;

import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * What the analytics charts draw on: the canvas on screen ({@link FxSurface}), or an SVG document when a chart is
 * exported ({@link SvgSurface}). One drawing routine serves both, so the exported figure is the chart as seen, and a
 * figure for a paper stays sharp at any size.
 */
interface ChartSurface {

    void fill(Color colour);

    void stroke(Color colour);

    void lineWidth(double width);

    /** How polylines join their segments; a surface starts with miter joins, as the canvas does. */
    void lineJoin(StrokeLineJoin join);

    /** Dash and gap lengths; none for a solid line. */
    void dashes(double... lengths);

    void fontSize(double size);

    void align(TextAlignment alignment);

    /** Text whose baseline starts, centres or ends at (x, y), as {@link #align} says. */
    void text(String text, double x, double y);

    /** Text turned a quarter to the left and centred on (x, y): a y axis's title. */
    void verticalText(String text, double x, double y);

    void line(double x0, double y0, double x1, double y1);

    void polyline(double[] xs, double[] ys, int count);

    void fillPolygon(double[] xs, double[] ys, int count);

    void fillOval(double x, double y, double width, double height);

    void strokeOval(double x, double y, double width, double height);

    /**
     * Whether the surface is pixels. Marks too many to draw one by one are then written into a {@link PixelLayer} and
     * put down as one image; a vector surface draws each, since a figure's marks must stay marks.
     */
    default boolean pixels() {
        return false;
    }

    /** Puts a layer of pixels down at the surface's top-left corner (a pixel surface only). */
    default void image(PixelLayer layer) {
        throw new UnsupportedOperationException("A vector surface draws every mark as a shape");
    }
}
