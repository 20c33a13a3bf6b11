package dev.groundwork.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.TestWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A page's first frames: sections a frame each, tables' first rows a few per frame, all at once where no frame comes. */
@ExtendWith(ApplicationExtension.class)
class FirstFramesFxTest {

    private final TestWindow window = new TestWindow();
    private final ObservableList<Integer> source = FXCollections.observableArrayList();
    private final AtomicInteger wholeTimes = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void onScreenSectionsComeAFrameEachAndRowsAFewPerFrameThenTheRestAtOnce() throws Exception {
        StackPane host = new StackPane();
        window.show(() -> host, 400, 300);
        VBox page = new VBox(new Label("facts"));
        TableView<Integer> table = new TableView<>();
        List<String> seen = new ArrayList<>();
        FirstFrames frames = WaitForAsyncUtils.asyncFx(() -> {
            FirstFrames first = new FirstFrames(page);
            first.add(page, new Label("chart"));
            first.add(page, table);
            RowsByFrame.fill(table, source, first, 2, wholeTimes::incrementAndGet);
            page.getChildren().addListener((ListChangeListener<Node>) c -> seen.add("section"));
            table.getItems().addListener((ListChangeListener<Integer>) c -> seen.add("rows " + table.getItems().size()));
            source.setAll(IntStream.range(0, 1000).boxed().toList()); // the study read while another page is shown
            assertThat(table.getItems()).as("even the first rows wait for a frame, after the table's own").isEmpty();
            host.getChildren().add(page);
            assertThat(page.getChildren()).as("nothing before the first frame").hasSize(1);
            assertThat(FirstFrames.settled(host)).isFalse();
            return first;
        }).get();

        waitUntilDone(frames);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).isEqualTo(source);
        assertThat(seen).as("a step a frame: the sections in order, then two rows a frame up to a screenful, then the rest")
                .startsWith("section", "section", "rows 2", "rows 4", "rows 6")
                .contains("rows " + RowsByFrame.SCREENFUL).endsWith("rows 1000")
                .hasSize(2 + RowsByFrame.SCREENFUL / 2 + 1);
        assertThat(wholeTimes).as("the empty list it started with, then the thousand rows").hasValue(2);
        assertThat(FirstFrames.settled(host)).isTrue();

        seen.clear();
        WaitForAsyncUtils.asyncFx(() -> source.setAll(IntStream.range(0, 500).boxed().toList())).get();
        assertThat(seen).as("once shown on screen, later lists go in at once").containsExactly("rows 500");
    }

    @Test
    void twoUnfinishedTablesTakeTurns() throws Exception {
        StackPane host = new StackPane();
        window.show(() -> host, 400, 300);
        ObservableList<Integer> other = FXCollections.observableArrayList();
        TableView<Integer> first = new TableView<>();
        TableView<Integer> second = new TableView<>();
        List<String> seen = new ArrayList<>();
        FirstFrames frames = WaitForAsyncUtils.asyncFx(() -> {
            FirstFrames steps = new FirstFrames(host);
            RowsByFrame.fill(first, source, steps, 2, () -> {});
            RowsByFrame.fill(second, other, steps, 2, () -> {});
            host.getChildren().add(new VBox(first, second));
            first.getItems().addListener((ListChangeListener<Integer>) c -> seen.add("first " + first.getItems().size()));
            second.getItems().addListener((ListChangeListener<Integer>) c -> seen.add("second " + second.getItems().size()));
            source.setAll(IntStream.range(0, 6).boxed().toList());
            other.setAll(IntStream.range(0, 6).boxed().toList());
            return steps;
        }).get();
        waitUntilDone(frames);

        assertThat(seen).containsExactly("first 2", "second 2", "first 4", "second 4", "first 6", "second 6");
    }

    @Test
    void aPageNoWindowShowsTakesEveryStepAtOnce() throws Exception {
        VBox page = new VBox();
        TableView<Integer> table = new TableView<>();
        WaitForAsyncUtils.asyncFx(() -> {
            FirstFrames first = new FirstFrames(page);
            first.add(page, new Label("chart"));
            first.add(page, table);
            RowsByFrame.fill(table, source, first, 2, wholeTimes::incrementAndGet);
            source.setAll(IntStream.range(0, 100).boxed().toList());
            new Scene(page, 400, 300); // as the snapshot command renders a page: no window, no frames
            assertThat(page.getChildren()).hasSize(2);
            assertThat(table.getItems()).hasSize(100);
        }).get();
    }

    /** Waits until every step is taken, asking on the FX thread, which is the only one that touches the steps. */
    private static void waitUntilDone(FirstFrames frames) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(frames::done).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
