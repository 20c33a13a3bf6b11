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
    void aSmallerFrameStartsTransparentInTheBufferItReuses() {
        layer.clear(100, 50);
        layer.fillRect(0, 0, 100, 50, javafx.scene.paint.Color.RED);
        layer.clear(40, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                assertThat(layer.pixel(x, y)).as("(%d, %d)", x, y).isZero();
            }
        }
        layer.fillRect(39, 19, 5, 5, javafx.scene.paint.Color.RED);
        assertThat(layer.pixel(39, 19)).isEqualTo(0xFFFF0000);
        assertThat(layer.pixel(38, 19)).isZero();
    }

    @Test
    void swappedLayersEachHoldTheOthersFrameAndSize() {
        PixelLayer other = new PixelLayer();
        layer.clear(30, 10);
        layer.fillRect(0, 0, 30, 10, javafx.scene.paint.Color.RED);
        other.clear(60, 40);
        other.fillRect(50, 30, 10, 10, javafx.scene.paint.Color.BLUE);

        layer.swapPixels(other);

        assertThat(layer.pixel(55, 35)).isEqualTo(0xFF0000FF);
        assertThat(layer.pixel(5, 5)).isZero();
        assertThat(other.pixel(5, 5)).isEqualTo(0xFFFF0000);
        other.clear(60, 40); // the smaller frame's buffer grows when written again at the larger size
        assertThat(other.pixel(59, 39)).isZero();
    }

    @Test
    void aLineInsideIsKept() {
        layer.clear(100, 50);
        assertThat(layer.clip(10, 20, 30, 40)).containsExactly(new double[] {10, 20, 30, 40}, within(1e-9));
    }

    @Test
    void aSmoothLineBetweenTwoRowsCoversEachInProportion() {
        layer.clear(40, 20);
        layer.smoothLine(5, 10.25, 30, 10.25, javafx.scene.paint.Color.BLACK, 1);

        assertThat(alpha(15, 10)).isCloseTo(191, within(1));
        assertThat(alpha(15, 11)).isCloseTo(63, within(1));
        assertThat(alpha(15, 9)).isZero();
        assertThat(alpha(35, 10)).as("past its end").isZero();
    }

    @Test
    void aSteepSmoothLineWalksAlongItsRows() {
        layer.clear(20, 40);
        layer.smoothLine(10.5, 2, 10.5, 30, javafx.scene.paint.Color.BLACK, 0.5);

        for (int y = 2; y <= 30; y++) {
            assertThat(alpha(10, y) + alpha(11, y)).as("row %s", y).isCloseTo(127, within(2));
        }
    }

    @Test
    void joinedSegmentsDoNotCoverTheirJointTwice() {
        layer.clear(40, 20);
        layer.smoothLine(2, 5, 10, 5, javafx.scene.paint.Color.BLACK, 0.5);
        layer.smoothLine(10, 5, 20, 5, javafx.scene.paint.Color.BLACK, 0.5, true);
        layer.smoothLine(30, 5, 20, 5, javafx.scene.paint.Color.BLACK, 0.5, false); // drawn end to start

        assertThat(alpha(10, 5)).as("the joint").isEqualTo(alpha(6, 5));
        assertThat(alpha(20, 5)).as("where a line not joined meets it: covered twice").isGreaterThan(alpha(6, 5));
    }

    private int alpha(int x, int y) {
        return layer.pixel(x, y) >>> 24;
    }
}
