package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Which cached tree a zoom gesture's frame may show scaled: boxes may stand in for blocks, never blocks for boxes. */
@ExtendWith(ApplicationExtension.class)
class TreeCacheFxTest {

    private static TreeCache.Key key(double zoom, boolean detail) {
        return new TreeCache.Key(zoom, detail, Color.BLACK, Color.GRAY,
                Color.LIGHTGRAY, Color.BLUE, Color.RED);
    }

    /** A cache of 1,400 × 1,000 pixels whose corner is at (-150, -280) from the pan, painted at {@code zoom}. */
    private static TreeCache painted(double zoom, boolean detail) {
        TreeCache cache = new TreeCache(false);
        cache.paint(key(zoom, detail), -150, -280, 1400, 1000, (g, width, height) -> g.fillRect(0, 0, width, height));
        return cache;
    }

    @Test
    void boxesScaledDownStandInForBlocksButBlocksNeverStandInForBoxes() throws Exception {
        boolean[] seen = WaitForAsyncUtils.asyncFx(() -> new boolean[] {
                painted(0.6, true).coversScaled(key(0.42, false), 0, 0, new double[] {0, 0, 700, 440}),
                painted(0.6, true).coversScaled(key(0.5, true), 0, 0, new double[] {0, 0, 700, 440}),
                painted(0.3, false).coversScaled(key(0.5, false), 0, 0, new double[] {0, 0, 700, 440}),
                painted(0.3, false).coversScaled(key(0.5, true), 0, 0, new double[] {0, 0, 700, 440}),
        }).get();

        assertThat(seen[0]).as("boxes scaled down for a gesture that left them").isTrue();
        assertThat(seen[1]).as("boxes for boxes").isTrue();
        assertThat(seen[2]).as("blocks for blocks").isTrue();
        assertThat(seen[3]).as("blocks scaled up where boxes are wanted").isFalse();
    }
}
