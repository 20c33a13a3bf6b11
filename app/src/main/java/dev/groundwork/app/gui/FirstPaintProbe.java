package dev.groundwork.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * For the first-window benchmark (installer/bench-first-window.sh): with GROUNDWORK_FIRST_PAINT_FILE set, the window
 * writes the wall-clock times (epoch microseconds) of its first painted frame (the skeleton {@link EarlyWindow} shows,
 * or the workbench's) and of the first frame that shows the study, then closes itself. "Painted" is the pulse after the one that laid the frame out: by then that frame has been
 * synchronised to the render thread. Without the variable nothing is watched.
 */
final class FirstPaintProbe {

    static final String VARIABLE = "GROUNDWORK_FIRST_PAINT_FILE";

    private final Path file;
    /** Epoch microseconds of the first painted frame; 0 until then. Read and written on the FX thread only. */
    private long firstPaintMicros;

    private FirstPaintProbe(Path file) {
        this.file = file;
    }

    static Optional<FirstPaintProbe> from(Map<String, String> env) {
        return Optional.ofNullable(env.get(VARIABLE)).filter(value -> !value.isBlank()).map(Path::of).map(FirstPaintProbe::new);
    }

    /**
     * Records the first painted frame of {@code stage}'s scene (the skeleton's, when Main showed one). Called again for
     * a new scene before the first was painted, the first of them to paint counts.
     */
    void markFirstPaint(Stage stage) {
        if (firstPaintMicros == 0) {
            afterNextFrame(stage.getScene(), () -> {
                if (firstPaintMicros == 0) {
                    firstPaintMicros = nowMicros();
                }
            });
        }
    }

    /** Call right after {@code stage.show()}; {@code study} turns non-null when the study is open. */
    void watch(Stage stage, ObservableValue<?> study) {
        markFirstPaint(stage);
        whenPresent(study, () -> afterNextFrame(stage.getScene(), () -> {
            write("first_paint_us=" + firstPaintMicros + "\nstudy_shown_us=" + nowMicros() + "\n");
            stage.close();
        }));
    }

    private static void afterNextFrame(Scene scene, Runnable then) {
        Runnable[] laidOut = new Runnable[1];
        laidOut[0] = () -> {
            scene.removePostLayoutPulseListener(laidOut[0]);
            Runnable[] painted = new Runnable[1];
            painted[0] = () -> {
                scene.removePostLayoutPulseListener(painted[0]);
                Platform.runLater(then);
            };
            scene.addPostLayoutPulseListener(painted[0]);
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(laidOut[0]);
        Platform.requestNextPulse();
    }

    private static void whenPresent(ObservableValue<?> value, Runnable then) {
        if (value.getValue() != null) {
            then.run();
            return;
        }
        value.addListener((property, old, now) -> {
            if (now != null && old == null) {
                then.run();
            }
        });
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private void write(String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
