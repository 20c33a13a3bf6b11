package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A canvas read back without its own transforms and drawn scaled, placed where asked, transparent beyond it; and the
 * packed-channel mix it resamples with.
 */
@ExtendWith(ApplicationExtension.class)
class ScaledReadBackFxTest {

    @Test
    void aSquareReadBackAndDrawnTwiceAsLargeLandsWhereTheScaleAndCornerPutIt() throws Exception {
        int[][] seen = WaitForAsyncUtils.asyncFx(() -> {
            Canvas layer = new Canvas(40, 30);
            layer.getGraphicsContext2D().setFill(Color.RED);
            layer.getGraphicsContext2D().fillRect(10, 10, 10, 10);
            Translate moved = new Translate(7, 3);
            Scale scaled = new Scale(3, 3);
            layer.getTransforms().setAll(moved, scaled); // as the cache's layer is mid-gesture

            ScaledReadBack readBack = new ScaledReadBack();
            readBack.read(layer);
            assertThat(layer.getTransforms()).containsExactly(moved, scaled);

            Canvas target = new Canvas(100, 80);
            readBack.drawScaled(target.getGraphicsContext2D(), 5, 5, 2, 100, 80);
            SnapshotParameters clear = new SnapshotParameters();
            clear.setFill(Color.TRANSPARENT);
            PixelReader pixels = target.snapshot(clear, null).getPixelReader();
            return new int[][] {
                    {pixels.getArgb(27, 27), pixels.getArgb(42, 42), pixels.getArgb(35, 35)},
                    {pixels.getArgb(23, 35), pixels.getArgb(46, 35), pixels.getArgb(35, 46), pixels.getArgb(2, 2),
                            pixels.getArgb(90, 40)},
                    {pixels.getArgb(60, 50)}};
        }).get();

        assertThat(seen[0]).as("inside the square, drawn from (25, 25) to (45, 45)").containsOnly(0xFFFF0000);
        // Its edge pixels are mixed with the transparent ones beside it: bilinear, as the renderer scales.
        assertThat(seen[1]).as("beside the square, before the layer's corner and past its right edge")
                .containsOnly(0);
        assertThat(seen[2]).as("the layer's own pixels, transparent where nothing was drawn").containsOnly(0);
    }

    @Test
    void mixingTwoPixelsWeighsEachChannelAlikeAndKeepsAPixelMixedWithItself() {
        assertThat(ScaledReadBack.mix(0xFF102030, 0x00000000, 0)).isEqualTo(0xFF102030);
        assertThat(ScaledReadBack.mix(0xFF102030, 0xFF102030, 77)).isEqualTo(0xFF102030);
        assertThat(ScaledReadBack.mix(0xFFFFFFFF, 0x00000000, 128)).isEqualTo(0x7F7F7F7F);
        assertThat(ScaledReadBack.mix(0x00000000, 0xC8643214, 64)).as("a quarter of each channel")
                .isEqualTo(0x32190C05);
    }
}
