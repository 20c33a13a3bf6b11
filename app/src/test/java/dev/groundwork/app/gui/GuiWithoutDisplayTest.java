package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code groundwork gui} as a new process on a machine without a usable display (JavaFX's real platform, not the
 * tests' headless one): one sentence saying what to do in the terminal instead, and exit code 1 — not "Something went
 * wrong that Groundwork did not expect: UnsupportedOperationException: Unable to open DISPLAY".
 */
class GuiWithoutDisplayTest {

    @TempDir
    Path temp;

    @Test
    void withoutADisplayTheTerminalIsToldToRunOrSnapshotInstead() throws Exception {
        Path study = temp.resolve("study");

        Result result = gui(study, Map.of());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.output().strip()).isEqualTo("groundwork: The window needs a display, and there is none here"
                + " (DISPLAY is not set); run the loop in the terminal with `groundwork run " + study + "`, or render a"
                + " page to PNG with `groundwork snapshot " + study + " --page runs --out runs.png`.");
    }

    @Test
    void aDisplayThatCannotBeOpenedIsNamedWithTheSameAdvice() throws Exception {
        Path study = temp.resolve("study");

        Result result = gui(study, Map.of("DISPLAY", ":4242")); // no X server answers there

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.output().strip()).startsWith("groundwork: The window needs a display, and DISPLAY=:4242 could"
                + " not be opened (").endsWith("); run the loop in the terminal with `groundwork run " + study
                + "`, or render a page to PNG with `groundwork snapshot " + study + " --page runs --out runs.png`.")
                .doesNotContain("did not expect").hasLineCount(1);
    }

    private Result gui(Path study, Map<String, String> display) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + temp, "-cp", System.getProperty("java.class.path"),
                "dev.groundwork.app.Main", "gui", study.toString())
                // What the CLI tells the user is on standard error; the tests' logging config prints to standard out.
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(display);
        for (String xdg : new String[] {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            builder.environment().put(xdg, temp.resolve(xdg.toLowerCase()).toString());
        }
        Process process = builder.start();
        String output = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** The exit code and what the process wrote to standard error. */
    private record Result(int exitCode, String output) {}
}
