package dev.groundwork.views.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * A part of a page as an SVG figure: each chart in it drawn as shapes where it sits, with the labels around them (the
 * titles of charts side by side). What is neither, such as buttons, is left out: a figure is for a paper or a slide.
 * <p>
 * What the charts draw is noted on the FX thread, where they live, and written as SVG later on any thread: a reward
 * chart of 20,000 runs took 33 ms to write (and a collection's pause more), which an export's worker can spend.
 */
public final class SvgFigure {

    private final double width;
    private final double height;
    private final List<Consumer<SvgSurface>> steps = new ArrayList<>();

    private SvgFigure(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** {@code frame} and what it holds as it is drawn now (on the FX thread); null when it holds no chart. */
    public static SvgFigure of(Node frame) {
        Bounds size = frame.getLayoutBounds();
        SvgFigure figure = new SvgFigure(size.getWidth(), size.getHeight());
        return figure.note(frame, frame) ? figure : null;
    }

    /** The figure as an SVG document the size of the frame (on any thread). */
    public String svg() {
        SvgSurface svg = new SvgSurface(width, height);
        steps.forEach(step -> step.accept(svg));
        return svg.finish();
    }

    /** Notes {@code node} and what it holds; true when a chart was among them. */
    private boolean note(Node node, Node frame) {
        if (!node.isVisible()) {
            return false;
        }
        Bounds at = frame.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        if (node instanceof VectorChart chart) {
            steps.add(svg -> svg.beginGroup(at.getMinX(), at.getMinY()));
            chart.drawVector(new Recorder());
            steps.add(SvgSurface::endGroup);
            return true;
        }
        if (node instanceof Label label && label.getText() != null && !label.getText().isBlank()) {
            Recorder text = new Recorder();
            text.fill(label.getTextFill() instanceof Color colour ? colour : Color.BLACK);
            text.fontSize(label.getFont().getSize());
            text.align(TextAlignment.LEFT);
            text.text(label.getText(), at.getMinX() + label.getPadding().getLeft(), at.getMinY() + label.getBaselineOffset());
            return false;
        }
        boolean charts = false;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                charts |= note(child, frame);
            }
        }
        return charts;
    }

    /** A surface that notes each call as a step of the figure; arrays are copied, since a chart reuses its own. */
    private final class Recorder implements ChartSurface {

        @Override
        public void fill(Color colour) {
            steps.add(svg -> svg.fill(colour));
        }

        @Override
        public void stroke(Color colour) {
            steps.add(svg -> svg.stroke(colour));
        }

        @Override
        public void lineWidth(double width) {
            steps.add(svg -> svg.lineWidth(width));
        }

        @Override
        public void lineJoin(StrokeLineJoin join) {
            steps.add(svg -> svg.lineJoin(join));
        }

        @Override
        public void dashes(double... lengths) {
            double[] kept = lengths == null ? null : lengths.clone();
            steps.add(svg -> svg.dashes(kept));
        }

        @Override
        public void fontSize(double size) {
            steps.add(svg -> svg.fontSize(size));
        }

        @Override
        public void align(TextAlignment alignment) {
            steps.add(svg -> svg.align(alignment));
        }

        @Override
        public void text(String text, double x, double y) {
            steps.add(svg -> svg.text(text, x, y));
        }

        @Override
        public void verticalText(String text, double x, double y) {
            steps.add(svg -> svg.verticalText(text, x, y));
        }

        @Override
        public void line(double x0, double y0, double x1, double y1) {
            steps.add(svg -> svg.line(x0, y0, x1, y1));
        }

        @Override
        public void polyline(double[] xs, double[] ys, int count) {
            double[] x = Arrays.copyOf(xs, count);
            double[] y = Arrays.copyOf(ys, count);
            steps.add(svg -> svg.polyline(x, y, count));
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int count) {
            double[] x = Arrays.copyOf(xs, count);
            double[] y = Arrays.copyOf(ys, count);
            steps.add(svg -> svg.fillPolygon(x, y, count));
        }

        @Override
        public void fillOval(double x, double y, double width, double height) {
            steps.add(svg -> svg.fillOval(x, y, width, height));
        }

        @Override
        public void strokeOval(double x, double y, double width, double height) {
            steps.add(svg -> svg.strokeOval(x, y, width, height));
        }
    }
}
