package dev.groundwork.bench.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.FxUiThread;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Runs the benchmark with few openings; the figures are printed, not asserted (timings depend on the machine). */
@ExtendWith(ApplicationExtension.class)
class DiffOpenBenchmarkTest {

    @Test
    void measuresEveryFigureOnRealOpenings() {
        DiffOpenBenchmark.Result result = DiffOpenBenchmark.run(new FxUiThread(), 2);

        System.out.println(result.describe());
        assertThat(result.hunks()).isGreaterThan(100);
        assertThat(result.largeHunks()).isGreaterThan(2 * 100);
        List<DiffOpenBenchmark.Series> all = List.of(result.open(), result.openFx(), result.paint(), result.rows(),
                result.baseline(), result.colours(), result.largeColours(),
                result.largeOpen(), result.wheelFrame(), result.scrollFrame(), result.hunkFrame(), result.typingFrame());
        assertThat(all).allMatch(series -> series.median() > 0 && series.p95() >= series.median());
        assertThat(result.open().median()).as("the whole opening includes its parts")
                .isGreaterThan(result.openFx().median()).isGreaterThan(result.rows().median());
        assertThat(result.open().samples()).isEqualTo(2);
        assertThat(result.scrollFrame().samples()).isEqualTo(4);
        assertThat(result.describe()).contains("open a 5,000-line diff").contains("baseline: a 500-line diff");
    }
}
