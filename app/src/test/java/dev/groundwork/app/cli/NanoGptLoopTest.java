package dev.groundwork.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nanogpt template's loop on this CPU-only machine, as docs/nanogpt.md tells a researcher without a GPU to run it:
 * the tiny preset on the offline text, no GPU per run, the byte-level valid range. Baseline, the catalog's ideas
 * implemented, pre-flighted, run and scored through {@code groundwork run}. Skipped with a sentence without PyTorch.
 */
class NanoGptLoopTest {

    @TempDir
    Path temp;

    @Test
    void theTinyPresetsLoopRunsOnTheCpuAndScoresEveryIdea() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import torch").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor(2, TimeUnit.MINUTES) && probe.exitValue() == 0,
                "PyTorch is not installed for python3 (./run-tests tries `python3 -m pip install torch`), so the"
                        + " nanogpt loop is not run here.");
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path study = temp.resolve("gpt");
        assertThat(cli.run("new", study.toString(), "--template", "nanogpt").exitCode()).isZero();
        Path spec = study.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec)
                .replaceFirst("(?m)^  command: .*$", "  command: [\"python3\", \"train.py\", \"--preset\", \"tiny\","
                        + " \"--data\", \"local-text\", \"--tokens\", \"16384\", \"--evals\", \"2\", \"--device\","
                        + " \"cpu\", \"--compile\", \"off\"]")
                .replaceFirst("(?m)^  gpus_per_run: 1$", "  gpus_per_run: 0")
                .replaceFirst("valid: \\[2\\.5, 20\\.0\\]", "valid: [0.1, 8.0]"));
        Files.createDirectories(study.resolve("data/fineweb")); // run.data's folder; the offline text needs no shards

        CliRunner.Outcome run = cli.run("run", study.toString(), "--epochs", "1", "--ideas-per-epoch", "2",
                "--concurrency", "2", "--auto-approve");

        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRunner.Outcome runs = cli.run("export", study.toString(), "--format", "csv", "--what", "runs");
        List<String> rows = runs.out().lines().skip(1).toList();
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).contains(",succeeded,"));
        assertThat(rows).allSatisfy(row -> {
            double reward = Double.parseDouble(row.split(",")[3]);
            assertThat(reward).isBetween(0.1, 8.0);
        });
    }
}
