package dev.groundwork.views.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.common.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the diff of the fixture, highlighted, in both themes. With {@code -Dgroundwork.screenshots=DIR} the pictures
 * are also copied to DIR (gw-diff-light.png, gw-diff-dark.png) to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class DiffSnapshotTest {

    private static final int WIDTH = 980;
    private static final int HEIGHT = 640;

    @TempDir
    Path dir;

    @Test
    void lightTheme() throws Exception {
        assertRendersWell(render(Theme.LIGHT, "gw-diff-light.png"));
    }

    @Test
    void darkTheme() throws Exception {
        assertRendersWell(render(Theme.DARK, "gw-diff-dark.png"));
    }

    private Path render(Theme theme, String name) throws Exception {
        Path png = dir.resolve(name);
        SideBySide diff = SideBySide.of(DiffFixtures.PATH, DiffFixtures.BEFORE, DiffFixtures.AFTER);
        SideBySideDiffView view = WaitForAsyncUtils.asyncFx(() -> {
            SideBySideDiffView created = new SideBySideDiffView(diff, Runnable::run, new FxUiThread());
            created.root().getStylesheets().addAll(0, theme.stylesheets());
            return created;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents(); // the highlighting, posted back to the FX thread
        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(view.root(), WIDTH, HEIGHT, png);
            return null;
        }).get(10, TimeUnit.SECONDS);
        String target = System.getProperty("groundwork.screenshots");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            Files.copy(png, Path.of(target).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return png;
    }

    private static void assertRendersWell(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        long colours = IntStream.range(0, WIDTH * HEIGHT).map(i -> image.getRGB(i % WIDTH, i / WIDTH)).distinct().count();
        assertThat(colours).isGreaterThan(100);
    }
}
