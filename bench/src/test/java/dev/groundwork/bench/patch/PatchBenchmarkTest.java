package dev.groundwork.bench.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the benchmark once on the test corpus; the figures are printed, not asserted (timings depend on the machine). */
class PatchBenchmarkTest {

    @Test
    void measuresTheSyntheticDiffAndTheCorpusAgainstGitApply() throws Exception {
        Path corpus = Path.of("target", "patch-corpus");
        List<Path> releases = List.of(corpus.resolve("commons-lang3-3.8.1"), corpus.resolve("commons-lang3-3.12.0"),
                corpus.resolve("commons-lang3-3.17.0"));

        PatchBenchmark.Result result = PatchBenchmark.run(releases);

        System.out.println(result.describe());
        assertThat(result.syntheticFiles()).isEqualTo(10);
        assertThat(result.syntheticChangedLines()).isEqualTo(500);
        assertThat(result.corpusDiffs()).isGreaterThan(300);
        assertThat(List.of(result.syntheticApply(), result.engineEach(), result.gitEach(), result.engineAll(),
                result.gitAll())).allMatch(millis -> millis > 0);
    }
}
