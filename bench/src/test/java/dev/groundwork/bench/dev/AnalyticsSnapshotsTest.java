package dev.groundwork.bench.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.Composition;
import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.bench.WorkshopCommands;
import dev.groundwork.model.settings.AppDirs;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `groundwork snapshot --page analytics|lineage` on a small `dev synth` study, in a fresh JVM as a user runs it: the
 * PNGs hold the charts and the tree, not a page of number cards (their colours are counted).
 */
class AnalyticsSnapshotsTest {

    /** The first series colour: reward dots and the first training curve. */
    private static final int SERIES = 0x4e79a7;
    /** The best end of the lineage's reward scale. */
    private static final int GOOD = 0x3fa66a;

    @TempDir
    Path temp;

    private Path study;

    @BeforeEach
    void synthesize() {
        study = temp.resolve("study");
        StringWriter err = new StringWriter();
        try (Composition composition = new Composition(dirs(), new CliPrinter(new PrintWriter(new StringWriter()), new PrintWriter(err)))) {
            assertThat(composition.cli(new WorkshopCommands()).run("dev", "synth", study.toString(), "--ideas", "60", "--runs", "120",
                    "--points", "24000")).as(err.toString()).isZero();
        }
    }

    @Test
    void theAnalyticsPageDrawsRewardsAndCurves() throws Exception {
        BufferedImage image = snapshot("analytics");
        assertThat(pixelsNear(image, SERIES)).as("reward dots and a training curve").isGreaterThan(400);
    }

    @Test
    void theLineagePageDrawsTheTreeAndTheSelectedIdeasPanel() throws Exception {
        BufferedImage image = snapshot("lineage", "--select", "40");
        assertThat(pixelsNear(image, GOOD)).as("nodes coloured by reward").isGreaterThan(100);
    }

    private BufferedImage snapshot(String page, String... more) throws Exception {
        Path png = temp.resolve(page + ".png");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "dev.groundwork.app.Main",
                "snapshot", study.toString(), "--page", page, "--size", "1200x800", "--out", png.toString()));
        command.addAll(java.util.List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().put("XDG_CONFIG_HOME", temp.resolve("config").toString());
        builder.environment().put("XDG_STATE_HOME", temp.resolve("state").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return ImageIO.read(png.toFile());
    }

    private AppDirs dirs() {
        return new AppDirs(temp.resolve("config"), temp.resolve("data"), temp.resolve("cache"), temp.resolve("state"));
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255))
                        + Math.abs((p & 255) - (rgb & 255)) < 30) {
                    count++;
                }
            }
        }
        return count;
    }
}
