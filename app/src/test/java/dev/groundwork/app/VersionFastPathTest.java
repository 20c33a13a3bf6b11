package dev.groundwork.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code groundwork --version} answers from the build alone, without building the composition root. */
class VersionFastPathTest {

    @TempDir
    Path home;

    @Test
    void aNewProcessPrintsTheBuildAndTheRuntime() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.groundwork.app.Main", "--version").redirectErrorStream(true);
        for (String xdg : new String[] {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            builder.environment().put(xdg, home.resolve(xdg.toLowerCase()).toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("groundwork ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void theCompositionRootIsNotBuilt() {
        java.util.concurrent.atomic.AtomicBoolean built = new java.util.concurrent.atomic.AtomicBoolean();
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(new String[] {"--version"}, services -> {
                built.set(true); // the commands of an extension are asked for when the command line is built
                return java.util.Map.of();
            });
            assertThat(code).isZero();
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("groundwork ");
        assertThat(built).as("the composition root built").isFalse();
    }

    @Test
    void onlyAWholeCommandLineOfVersionTakesTheFastPath() {
        assertThat(Main.asksOnlyTheVersion(new String[] {"--version"})).isTrue();
        assertThat(Main.asksOnlyTheVersion(new String[] {"-V"})).isTrue();
        assertThat(Main.asksOnlyTheVersion(new String[] {"new", "--version"})).isFalse();
        assertThat(Main.asksOnlyTheVersion(new String[] {})).isFalse();
    }
}
