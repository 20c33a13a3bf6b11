package dev.groundwork.views.charts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A region that draws itself on a canvas the size of the region, redrawn when it is resized or its data changes; a
 * hover label floats over it. One canvas and a label, however much is drawn: a scene node per point would not hold a
 * million points or ten thousand ideas.
 */
abstract class CanvasPane extends Region {

    protected final Canvas canvas = new Canvas();
    protected final Label hover = new Label();
    protected final ChartPalette palette;
    /** Frames drawn so far (tests count them). */
    private int frames;

    CanvasPane() {
        getChildren().add(canvas);
        palette = new ChartPalette(getChildren());
        hover.getStyleClass().add("chart-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().add(hover);
        setMinSize(120, 80);
        setPrefSize(480, 280);
        setOnMouseExited(event -> hideHover());
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            resized();
            redraw();
        }
        hover.autosize();
    }

    /**
     * The canvas took a new size and is about to be drawn at it: a chart that places what it shows by its size places
     * it here, so that no frame is drawn at the old placement only to be drawn again.
     */
    protected void resized() {
    }

    /** Draws again at once (on the FX thread). */
    public final void redraw() {
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    /**
     * {@code worker} while the pane is in a window on screen, otherwise {@link OffThread#NOW}: a scene snapshotted
     * without a window (the {@code snapshot} command) is laid out and rendered in one go, which leaves no pulse in
     * which a worker's result could arrive, so what it shows is worked out at once.
     */
    protected final OffThread whereShown(OffThread worker) {
        boolean shown = getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
        return shown ? worker : OffThread.NOW;
    }

    /** Shows {@code text} near {@code (x, y)}, kept inside the pane. */
    protected final void showHover(String text, double x, double y) {
        hover.setText(text);
        hover.setVisible(true);
        hover.autosize();
        double left = x + 14 + hover.getWidth() > getWidth() ? x - 14 - hover.getWidth() : x + 14;
        double top = Math.max(0, Math.min(y - hover.getHeight() - 6, getHeight() - hover.getHeight()));
        hover.relocate(Math.max(0, left), top);
    }

    protected final void hideHover() {
        hover.setVisible(false);
    }

    /** How many frames were drawn so far (tests ask). */
    final int framesDrawn() {
        return frames;
    }

    /** The hover label's text; empty when it is hidden (tests read it). */
    public final String hoverText() {
        return hover.isVisible() ? hover.getText() : "";
    }
}
