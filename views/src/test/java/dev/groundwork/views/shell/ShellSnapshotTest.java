package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.Statuses;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the shell without a window, as {@code groundwork snapshot} does, in both themes. With
 * {@code -Dgroundwork.screenshots=DIR} the pictures are also copied to DIR (gw-shell-light.png, gw-shell-dark.png) to be
 * looked at.
 */
@ExtendWith(ApplicationExtension.class)
class ShellSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void lightThemeIdeasPage() throws Exception {
        FakeStudy study = FakeStudy.writable("charlm-demo", Path.of("/home/ada/studies/charlm-demo"));
        assertRendersWell(render(study, Theme.LIGHT, Page.IDEAS, "gw-shell-light.png"));
    }

    @Test
    void darkThemeReadOnlyAnalyticsPageWithATaskRunning() throws Exception {
        FakeStudy study = new FakeStudy("nanogpt-speedrun", Path.of("/home/ada/studies/nanogpt-speedrun"),
                "Another Groundwork window (pid 4242 on lab-01) has this study open; close it there to make changes.",
                Statuses.sample("nanogpt-speedrun"));
        assertRendersWell(render(study, Theme.DARK, Page.ANALYTICS, "gw-shell-dark.png"));
    }

    private Path render(FakeStudy study, Theme theme, Page page, String name) throws Exception {
        Path png = dir.resolve(name);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTaskExecutor executor = WaitForAsyncUtils.asyncFx(() -> new BackgroundTaskExecutor(new FxUiThread())).get();
        MainViewModel vm = new MainViewModel(new FakeStudies().with(study), executor, theme);
        MainView view = WaitForAsyncUtils.asyncFx(() -> {
            MainView main = new MainView(vm);
            vm.pageProperty().set(page);
            vm.openStudy(study.dir());
            return main;
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.statusProperty().get() != null);
        if (theme == Theme.DARK) {
            WaitForAsyncUtils.asyncFx(() -> executor.submit("Reading metrics", progress -> {
                progress.update(0.4);
                release.await();
                return null;
            }, done -> {}, failure -> {})).get();
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(view.root(), 980, 620, png);
            return null;
        }).get(10, TimeUnit.SECONDS);
        release.countDown();
        WaitForAsyncUtils.asyncFx(executor::close).get();
        copyForReview(png);
        return png;
    }

    private static void assertRendersWell(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(980);
        assertThat(image.getHeight()).isEqualTo(620);
        long colours = IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct()
                .count();
        assertThat(colours).isGreaterThan(50);
    }

    private static void copyForReview(Path png) throws Exception {
        String target = System.getProperty("groundwork.screenshots");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            Files.copy(png, Path.of(target).resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
