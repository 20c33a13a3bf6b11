package dev.groundwork.views.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.FxUiThread;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Runs the benchmark once; the figures are printed, not asserted (timings depend on the machine). */
@ExtendWith(ApplicationExtension.class)
class DiffOpenBenchmarkTest {

    @Test
    void measuresOpeningA5000LineDiffAndTokenizingA10000LineFile() {
        DiffOpenBenchmark.Result result = DiffOpenBenchmark.run(new FxUiThread());

        System.out.println(result.describe());
        assertThat(result.openLines()).isEqualTo(5_000);
        assertThat(result.openHunks()).isGreaterThan(50);
        assertThat(result.tokenizeLines()).isEqualTo(10_000);
        assertThat(List.of(result.open(), result.openHighlighted(), result.tokenize())).allMatch(millis -> millis > 0);
    }
}
