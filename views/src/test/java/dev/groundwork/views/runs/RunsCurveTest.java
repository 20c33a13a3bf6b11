package dev.groundwork.views.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.run.MetricPoint;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RunsCurveTest {

    private static List<MetricPoint> points(int n, java.util.function.LongToDoubleFunction f) {
        return LongStream.range(0, n).mapToObj(step -> new MetricPoint(1, "val_loss", step, f.applyAsDouble(step), step)).toList();
    }

    @Test
    void aShortSeriesIsKeptWhole() {
        List<MetricPoint> series = points(500, step -> step);
        assertThat(RunCurve.decimate(series, 500)).isEqualTo(series);
    }

    @Test
    void aLongSeriesIsThinnedKeepingItsEndsAndItsSpikes() {
        List<MetricPoint> series = points(100_000, step -> step == 54_321 ? 99.0 : step == 77_777 ? -5.0 : 1.0 / (1 + step));
        List<MetricPoint> thinned = RunCurve.decimate(series, 500);
        assertThat(thinned).hasSizeLessThanOrEqualTo(500).hasSizeGreaterThan(250);
        assertThat(thinned.getFirst()).isEqualTo(series.getFirst());
        assertThat(thinned.getLast()).isEqualTo(series.getLast());
        assertThat(thinned).extracting(MetricPoint::step).isSorted().contains(54_321L, 77_777L);
    }
}
