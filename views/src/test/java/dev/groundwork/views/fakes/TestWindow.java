package dev.groundwork.views.fakes;

import dev.groundwork.views.common.PngSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real window for a page test: shows a view, renders it to PNG (copied to {@code -Dgroundwork.screenshots=DIR} when
 * given, to be looked at), and closes. One window at a time; close it after each test.
 */
public final class TestWindow implements AutoCloseable {

    private Stage stage;

    /** Shows {@code root} (built on the FX thread) in a new window of that size, closing the one shown before. */
    public Scene show(java.util.function.Supplier<Parent> root, double width, double height) throws Exception {
        close();
        return WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(root.get(), width, height));
            stage.show();
            return stage.getScene();
        }).get();
    }

    /** The scene of the window shown. */
    public Scene scene() {
        return stage.getScene();
    }

    /** Writes what the window shows now to {@code dir/name}. */
    public Path snapshot(Path dir, String name) throws Exception {
        Path png = dir.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(stage.getScene(), png);
            return null;
        }).get(10, TimeUnit.SECONDS);
        String target = System.getProperty("groundwork.screenshots");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            Files.copy(png, Path.of(target).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return png;
    }

    @Override
    public void close() throws Exception {
        Stage shown = stage;
        stage = null;
        if (shown != null) {
            WaitForAsyncUtils.asyncFx(shown::close).get();
        }
    }
}
