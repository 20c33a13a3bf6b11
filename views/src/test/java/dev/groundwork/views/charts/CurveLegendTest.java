package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The curve chart's legend: every entry starts inside the chart, and a narrow chart wraps instead of leaving row one empty. */
class CurveLegendTest {

    @Test
    void aNarrowChartPutsOneEntryPerRowStartingOnTheFirst() {
        List<double[]> places = CurveChart.legendPlaces(2, 240, 100);

        assertThat(places.get(0)).containsExactly(64, 100);
        assertThat(places.get(1)).containsExactly(64, 118);
    }

    @Test
    void atAnyWidthEveryEntryStartsInsideAndRowsFillLeftToRight() {
        for (double width = 150; width <= 1600; width += 10) {
            List<double[]> places = CurveChart.legendPlaces(5, width, 0);
            assertThat(places.getFirst()[1]).as("the first row is used at width %s", width).isZero();
            for (int i = 1; i < places.size(); i++) {
                double[] before = places.get(i - 1);
                double[] place = places.get(i);
                boolean sameRow = place[1] == before[1];
                assertThat(sameRow ? place[0] > before[0] : place[1] == before[1] + 18 && place[0] == 64)
                        .as("entry %s at width %s", i, width).isTrue();
                assertThat(place[0] == 64 || place[0] + 200 <= width).as("entry %s fits at width %s", i, width).isTrue();
            }
        }
    }
}
