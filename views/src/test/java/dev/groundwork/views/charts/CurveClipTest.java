package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** An edge's S-curve is cut to the view exactly: the slice lies on the whole curve and ends on the view's rows. */
class CurveClipTest {

    private static double[] at(double[] c, double t) {
        double u = 1 - t;
        double x = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
        double y = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];
        return new double[] {x, y};
    }

    @Test
    void theSmoothstepInverseFindsTheRow() {
        for (double s = 0; s <= 1; s += 0.05) {
            double t = LineageCanvas.smoothstepInverse(s);
            assertThat(3 * t * t - 2 * t * t * t).isCloseTo(s, within(1e-9));
        }
    }

    @Test
    void aSliceFollowsTheCurveBetweenItsEnds() {
        double[] curve = {0, 0, 50, 0, 50, 3000, 100, 3000};
        double[] part = LineageCanvas.slice(curve, 0.3, 0.6);
        for (double u = 0; u <= 1; u += 0.1) {
            double[] onPart = at(part, u);
            double[] onWhole = at(curve, 0.3 + 0.3 * u);
            assertThat(onPart[0]).isCloseTo(onWhole[0], within(1e-6));
            assertThat(onPart[1]).isCloseTo(onWhole[1], within(1e-6));
        }
    }

    @Test
    void anEdgeDownManyRowsIsCutToTheView() {
        double t0 = LineageCanvas.smoothstepInverse(100 / 3000.0);
        double t1 = LineageCanvas.smoothstepInverse(700 / 3000.0);
        double[] part = LineageCanvas.slice(new double[] {0, 0, 50, 0, 50, 3000, 100, 3000}, t0, t1);
        assertThat(part[1]).isCloseTo(100, within(1e-6));
        assertThat(part[7]).isCloseTo(700, within(1e-6));
    }
}
