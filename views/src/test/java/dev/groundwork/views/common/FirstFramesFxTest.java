package dev.groundwork.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.RootStyles;
import dev.groundwork.views.fakes.TestWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A page's first frames: sections a frame each, styled as they are added, unfinished steps taking turns, all at once
 * where no frame comes.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFramesFxTest {

    private final TestWindow window = new TestWindow();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void onScreenSectionsComeAFrameEachInOrder() throws Exception {
        StackPane host = new StackPane();
        window.show(() -> host, 400, 300);
        VBox page = new VBox(new Label("facts"));
        List<String> seen = new ArrayList<>();
        List<Long> pulses = new ArrayList<>();
        FirstFrames frames = WaitForAsyncUtils.asyncFx(() -> {
            FirstFrames first = new FirstFrames(page);
            first.add(page, new Label("chart"));
            first.add(page, new Label("table"));
            first.then(() -> seen.add("done"));
            page.getChildren().addListener((ListChangeListener<Node>) c -> {
                seen.add(((Label) page.getChildren().getLast()).getText());
                pulses.add(System.nanoTime());
            });
            host.getChildren().add(page);
            assertThat(page.getChildren()).as("nothing before the first frame").hasSize(1);
            assertThat(FirstFrames.settled(host)).isFalse();
            return first;
        }).get();

        waitUntilDone(frames);

        assertThat(seen).containsExactly("chart", "table", "done");
        assertThat(pulses.get(1) - pulses.get(0)).as("frames apart: the renderer paints the one before")
                .isGreaterThanOrEqualTo(45_000_000L);
        assertThat(FirstFrames.settled(host)).isTrue();
    }

    @Test
    void twoUnfinishedStepsTakeTurns() throws Exception {
        StackPane host = new StackPane();
        window.show(() -> host, 400, 300);
        List<String> seen = new ArrayList<>();
        FirstFrames frames = WaitForAsyncUtils.asyncFx(() -> {
            FirstFrames steps = new FirstFrames(host);
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            steps.then(() -> {
                seen.add("first " + first.incrementAndGet());
                return first.get() == 3;
            });
            steps.then(() -> {
                seen.add("second " + second.incrementAndGet());
                return second.get() == 3;
            });
            return steps;
        }).get();
        waitUntilDone(frames);

        assertThat(seen).containsExactly("first 1", "second 1", "first 2", "second 2", "first 3", "second 3");
    }

    @Test
    void aPageNoWindowShowsTakesEveryStepAtOnce() throws Exception {
        VBox page = new VBox();
        WaitForAsyncUtils.asyncFx(() -> {
            FirstFrames first = new FirstFrames(page);
            first.add(page, new Label("chart"));
            first.add(page, new Label("table"));
            new Scene(page, 400, 300); // as the snapshot command renders a page: no window, no frames
            assertThat(page.getChildren()).hasSize(2);
            assertThat(first.done()).isTrue();
        }).get();
    }

    @Test
    void aSectionsFrameEndsWithItsStylesApplied() throws Exception {
        StackPane host = new StackPane();
        Scene scene = window.show(() -> host, 400, 300);
        VBox page = new VBox();
        List<String> rootStylesAtFrameEnd = new ArrayList<>();
        FirstFrames frames = WaitForAsyncUtils.asyncFx(() -> {
            FirstFrames first = new FirstFrames(page);
            // Controls styled for the first time make their skins, whose parts mark the ancestors as still to style.
            first.add(page, new VBox(new Label("title"), new javafx.scene.control.Button("Export")));
            scene.addPostLayoutPulseListener(() -> {
                if (!page.getChildren().isEmpty() && rootStylesAtFrameEnd.isEmpty()) {
                    rootStylesAtFrameEnd.add(RootStyles.flag(scene.getRoot()));
                }
            });
            host.getChildren().add(page);
            return first;
        }).get();

        waitUntilDone(frames);

        // Left set, the frame ends with the window's root marked dirty, and the next frame repaints the whole window.
        assertThat(rootStylesAtFrameEnd).containsExactly("CLEAN");
    }

    /** Waits until every step is taken, asking on the FX thread, which is the only one that touches the steps. */
    private static void waitUntilDone(FirstFrames frames) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(frames::done).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
