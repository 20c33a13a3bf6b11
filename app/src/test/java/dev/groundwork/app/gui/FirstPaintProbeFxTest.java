package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The first-window benchmark's probe: both times written once the study is shown, then the window closes itself. */
@ExtendWith(ApplicationExtension.class)
class FirstPaintProbeFxTest {

    @TempDir
    Path temp;

    @Test
    void withoutTheVariableNothingIsWatched() {
        assertThat(FirstPaintProbe.from(Map.of())).isEmpty();
        assertThat(FirstPaintProbe.from(Map.of(FirstPaintProbe.VARIABLE, " "))).isEmpty();
    }

    @Test
    void writesTheFirstPaintAndTheStudyShownThenClosesTheWindow() throws Exception {
        Path file = temp.resolve("paint");
        FirstPaintProbe probe = FirstPaintProbe.from(Map.of(FirstPaintProbe.VARIABLE, file.toString())).orElseThrow();
        SimpleObjectProperty<Object> study = new SimpleObjectProperty<>();
        long before = System.currentTimeMillis() * 1000;
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(new Label("Groundwork"), 300, 200));
            window.show();
            probe.watch(window, study);
            return window;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file).as("nothing before the study is shown").doesNotExist();
        assertThat(stage.isShowing()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> study.set("charlm")).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file) && !stage.isShowing());

        Properties times = new Properties();
        times.load(Files.newBufferedReader(file));
        long firstPaint = Long.parseLong(times.getProperty("first_paint_us"));
        long studyShown = Long.parseLong(times.getProperty("study_shown_us"));
        assertThat(firstPaint).isGreaterThanOrEqualTo(before);
        assertThat(studyShown).isGreaterThan(firstPaint);
    }
}
