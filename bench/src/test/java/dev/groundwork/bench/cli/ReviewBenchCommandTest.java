package dev.groundwork.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.bench.WorkshopCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `groundwork bench review` as a user runs it: a fresh JVM (JavaFX starts once per process), no display. */
class ReviewBenchCommandTest {

    @TempDir
    Path temp;

    @Test
    void measuresOpeningTheReviewOfA5000LineDiffAgainstItsBaselineWithoutADisplay() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.groundwork.bench.BenchMain", "bench", "review", "--openings", "1").redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().put("XDG_CONFIG_HOME", temp.resolve("config").toString());
        builder.environment().put("XDG_STATE_HOME", temp.resolve("state").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("open a 5,000-line diff (144 hunks): median")
                .contains("baseline: a 500-line diff median").contains("open a 10,000-line diff (286 hunks)")
                .contains("a wheel notch down median");
    }

    @Test
    void refusesToMeasureNoOpening() {
        CliRunner.Outcome outcome = new CliRunner(temp, Map.of(), new WorkshopCommands()).run("bench", "review", "--openings", "0");

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err()).contains("--openings must be 1 or more; 30 gives steady medians.");
    }
}
