package dev.groundwork.views.charts;

/** A chart that can draw itself as shapes, for an SVG figure, as well as on its canvas. */
interface VectorChart {

    /** Draws the chart as it is on screen, at its size there, onto {@code surface}, which is not pixels. */
    void drawVector(ChartSurface surface);
}
