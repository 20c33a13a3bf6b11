package dev.groundwork.views.charts;

import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for drawing on a canvas: canvases are not styled by CSS, so hidden labels styled by the theme
 * ({@code .chart-ink}, {@code .chart-muted}, {@code .chart-grid}, {@code .chart-accent}, {@code .chart-bad}) carry them.
 */
final class ChartPalette {

    /** Categorical colours that read on light and dark backgrounds (Tableau 10). */
    private static final Color[] SERIES = {
            Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#e15759"), Color.web("#b07aa1"),
            Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#ff9da7"), Color.web("#9c755f"), Color.web("#bab0ac")};

    /**
     * What each colour is before the theme styles its probe, made once: a frame of the zoomed-out lineage asks for the
     * grid colour for each of ten thousand nodes, and parsing it each time showed in the FX thread's samples.
     */
    private static final Color INK = Color.web("#1f2430");
    private static final Color MUTED = Color.web("#6b7385");
    private static final Color GRID = Color.web("#dfe3ea");
    private static final Color ACCENT = Color.web("#4f5bd5");
    private static final Color BAD = Color.web("#d64545");

    private final Label ink = probe("chart-ink");
    private final Label muted = probe("chart-muted");
    private final Label grid = probe("chart-grid");
    private final Label accent = probe("chart-accent");
    private final Label bad = probe("chart-bad");

    /** Adds the probes to {@code owner}'s children; they take no space and are never shown. */
    ChartPalette(java.util.List<javafx.scene.Node> children) {
        children.addAll(java.util.List.of(ink, muted, grid, accent, bad));
    }

    Color ink() {
        return color(ink, INK);
    }

    Color muted() {
        return color(muted, MUTED);
    }

    Color grid() {
        return color(grid, GRID);
    }

    Color accent() {
        return color(accent, ACCENT);
    }

    Color bad() {
        return color(bad, BAD);
    }

    static Color series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    static Color color(Label probe, Color fallback) {
        Paint paint = probe.getTextFill();
        return paint instanceof Color color && probe.getScene() != null ? color : fallback;
    }

    static Label probe(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setManaged(false);
        label.setVisible(false);
        return label;
    }
}
