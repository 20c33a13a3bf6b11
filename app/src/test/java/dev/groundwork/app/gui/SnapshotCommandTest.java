package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.Composition;
import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.model.settings.AppDirs;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `groundwork snapshot` in a fresh JVM (JavaFX starts once per process), as a user runs it: no display needed. */
class SnapshotCommandTest {

    @TempDir
    Path temp;

    @Test
    void rendersAPageOfARealStudyToAPngWithoutADisplay() throws Exception {
        Path study = temp.resolve("study");
        AppDirs dirs = new AppDirs(temp.resolve("config"), temp.resolve("data"), temp.resolve("cache"), temp.resolve("state"));
        StringWriter err = new StringWriter();
        try (Composition composition = new Composition(dirs, new CliPrinter(new PrintWriter(new StringWriter()), new PrintWriter(err)))) {
            assertThat(composition.cli().run("new", study.toString())).as(err.toString()).isZero();
        }

        Path png = temp.resolve("runs.png");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.groundwork.app.Main", "snapshot", study.toString(), "--page", "runs", "--size", "900x600", "--out",
                png.toString()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().put("XDG_CONFIG_HOME", temp.resolve("config").toString());
        builder.environment().put("XDG_STATE_HOME", temp.resolve("state").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Wrote " + png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(900, 600);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("a rendered page, not a blank image").hasSizeGreaterThan(20);
    }
}
