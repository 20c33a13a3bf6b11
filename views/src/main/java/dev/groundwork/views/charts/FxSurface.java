package dev.groundwork.views.charts;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A chart drawn on a canvas: each call is the graphics context's own. */
final class FxSurface implements ChartSurface {

    private final GraphicsContext g;

    FxSurface(GraphicsContext g) {
        this.g = g;
    }

    @Override
    public void fill(Color colour) {
        g.setFill(colour);
    }

    @Override
    public void stroke(Color colour) {
        g.setStroke(colour);
    }

    @Override
    public void lineWidth(double width) {
        g.setLineWidth(width);
    }

    @Override
    public void lineJoin(StrokeLineJoin join) {
        g.setLineJoin(join);
    }

    @Override
    public void dashes(double... lengths) {
        g.setLineDashes(lengths == null || lengths.length == 0 ? null : lengths);
    }

    @Override
    public void fontSize(double size) {
        g.setFont(Font.font(size));
    }

    @Override
    public void align(TextAlignment alignment) {
        g.setTextAlign(alignment);
    }

    @Override
    public void text(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void verticalText(String text, double x, double y) {
        g.save();
        g.translate(x, y);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, 0, 0);
        g.restore();
    }

    @Override
    public void line(double x0, double y0, double x1, double y1) {
        g.strokeLine(x0, y0, x1, y1);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count) {
        g.strokePolyline(xs, ys, count);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count) {
        g.fillPolygon(xs, ys, count);
    }

    @Override
    public void fillOval(double x, double y, double width, double height) {
        g.fillOval(x, y, width, height);
    }

    @Override
    public void strokeOval(double x, double y, double width, double height) {
        g.strokeOval(x, y, width, height);
    }

    @Override
    public boolean pixels() {
        return true;
    }

    @Override
    public void image(PixelLayer layer) {
        layer.drawTo(g);
    }
}
