package dev.groundwork.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The first-window benchmark's reference (bench-first-window.sh): a bare JavaFX window with one label, started like the
 * workbench (a plain main, {@link Platform#startup}, JavaFX on the class path, the same jlink'd runtime). It writes the
 * wall-clock time of its first painted frame to the file GROUNDWORK_FIRST_PAINT_FILE names, measured like the
 * workbench's (the pulse after the one that laid it out), and exits. Lives in the installer module, never in the app.
 */
public final class BareWindow {

    private BareWindow() {}

    public static void main(String[] args) throws InterruptedException {
        Path out = Path.of(System.getenv("GROUNDWORK_FIRST_PAINT_FILE"));
        CountDownLatch painted = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Bare window");
            stage.setScene(new Scene(new StackPane(new Label("Groundwork")), 1280, 820));
            stage.show();
            Scene scene = stage.getScene();
            Runnable[] listeners = new Runnable[2];
            listeners[1] = () -> {
                scene.removePostLayoutPulseListener(listeners[1]);
                Platform.runLater(() -> {
                    write(out, "first_paint_us=" + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) + "\n");
                    painted.countDown();
                });
            };
            listeners[0] = () -> {
                scene.removePostLayoutPulseListener(listeners[0]);
                scene.addPostLayoutPulseListener(listeners[1]);
                Platform.requestNextPulse();
            };
            scene.addPostLayoutPulseListener(listeners[0]);
            Platform.requestNextPulse();
        });
        painted.await();
        Platform.exit();
    }

    private static void write(Path out, String text) {
        try {
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + out, e);
        }
    }
}
