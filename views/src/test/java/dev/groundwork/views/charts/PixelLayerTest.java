package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Lines are clipped to the frame before they are walked, so an edge far out of view costs nothing. */
class PixelLayerTest {

    private final PixelLayer layer = new PixelLayer();

    @Test
    void aLineIsCutToTheFrame() {
        layer.clear(100, 50);
        double[] cut = layer.clip(-100, 25, 200, 25);
        assertThat(cut).containsExactly(new double[] {0, 25, 99, 25}, within(1e-9));
        double[] diagonal = layer.clip(-10, -10, 60, 60);
        assertThat(diagonal).containsExactly(new double[] {0, 0, 49, 49}, within(1e-9));
    }

    @Test
    void aLineOutsideTheFrameIsDropped() {
        layer.clear(100, 50);
        assertThat(layer.clip(-100, -5, 200, -5)).isNull();
        assertThat(layer.clip(150, 0, 300, 40)).isNull();
        assertThat(layer.clip(-50, 100, 10, 200)).isNull();
    }

    @Test
    void aLineInsideIsKept() {
        layer.clear(100, 50);
        assertThat(layer.clip(10, 20, 30, 40)).containsExactly(new double[] {10, 20, 30, 40}, within(1e-9));
    }
}
