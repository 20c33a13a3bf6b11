package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.TestWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A drawn table with a thousand rows: only the rows in view are drawn, and it is used as a table is, with the pointer
 * (click, Ctrl+click, Shift+click, the link), the wheel and the keys (arrows, Shift, Ctrl+A, Enter, Ctrl+C).
 */
@ExtendWith(ApplicationExtension.class)
class DrawnTableFxTest {

    private record Run(int rank, String name, double reward) {}

    private final TestWindow window = new TestWindow();
    private final List<Run> opened = new ArrayList<>();
    private final List<List<Run>> changes = new ArrayList<>();
    private DrawnTable<Run> table;

    @BeforeEach
    void show() throws Exception {
        window.show(() -> {
            table = new DrawnTable<>(28);
            table.column(DrawnTable.Column.number("#", run -> String.valueOf(run.rank()), 50))
                    .column(DrawnTable.Column.text("Run", Run::name, 160))
                    .column(DrawnTable.Column.number("Reward", run -> String.format("%.4f", run.reward()), 90));
            table.setFillColumn(1);
            table.setLinkColumn(1, run -> "the run called " + run.name());
            table.setOnOpen(opened::add);
            table.setRows(IntStream.rangeClosed(1, 1000).mapToObj(i -> new Run(i, "run " + i, 1.0 / i)).toList());
            table.selectedItems().addListener((ListChangeListener<Run>) change -> changes.add(List.copyOf(table.selectedItems())));
            return new StackPane(table);
        }, 500, 330);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void onlyTheRowsInViewAreDrawnAndTheWheelScrollsThem(FxRobot robot) throws Exception {
        int inView = (int) Math.ceil((table.getHeight() - 28 - 2) / 28.0) + 1;
        assertThat(table.drawnRows()).isBetween(inView - 2, inView);
        assertThat(table.getChildrenUnmodifiable()).as("no node per row").hasSizeLessThan(16);

        Point2D over = table.onText(2, 2);
        WaitForAsyncUtils.asyncFx(() -> table.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, over.getX(), over.getY(), 0, 0,
                false, false, false, false, false, false, 0, -400, 0, -400, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.onText(0, 0).getY()).as("scrolled down").isNegative();
        assertThat(table.drawnRows()).isBetween(inView - 2, inView + 1);
    }

    @Test
    void clicksSelectAsInATable(FxRobot robot) throws Exception {
        robot.clickOn(at(2, 2));
        // The headless robot's clicks carry no modifier keys: these clicks are made as the window would deliver them.
        WaitForAsyncUtils.asyncFx(() -> {
            click(4, 2, true, false);
            click(7, 0, false, true);
            click(3, 0, false, true);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.selectedItems()).extracting(Run::rank).containsExactly(3, 5, 8);
        assertThat(changes).as("one change per click").hasSize(4);
        assertThat(changes.get(1)).extracting(Run::rank).containsExactly(3, 4, 5);
        assertThat(opened).as("a click on a row selects it, it does not open it").isEmpty();
    }

    @Test
    void theKeysMoveExtendSelectAllAndOpen(FxRobot robot) throws Exception {
        robot.clickOn(at(1, 2));
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.selectedItems()).extracting(Run::rank).containsExactly(4, 5);

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).extracting(Run::rank).containsExactly(5);

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.selectedItems()).extracting(Run::rank).containsExactly(1000);
        assertThat(table.onText(999, 0).getY()).as("the last row brought into view")
                .isBetween(28.0, table.getHeight());

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.selectedItems()).hasSize(1000);
    }

    @Test
    void ctrlCCopiesTheSelectedRowsUnderTheirHeaders(FxRobot robot) throws Exception {
        robot.clickOn(at(0, 2));
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo("#\tRun\tReward\n1\trun 1\t1.0000\n2\trun 2\t0.5000\n");
    }

    @Test
    void theLinkShowsItsHoverTextAndAClickOnItOpensTheRow(FxRobot robot) throws Exception {
        robot.moveTo(at(2, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.hoverText()).isEqualTo("the run called run 3");
        robot.clickOn(at(2, 1));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).extracting(Run::rank).containsExactly(3);
        assertThat(table.selectedItems()).as("the link opens, it does not select").isEmpty();

        robot.moveTo(table.localToScreen(table.getWidth() - 30, 28 + 2.5 * 28)); // the same row, past its link
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.hoverText()).isEmpty();
    }

    @Test
    void newRowsComeUnselectedAndAnEmptyTableShowsItsPlaceholder(FxRobot robot) throws Exception {
        robot.clickOn(at(0, 2));
        WaitForAsyncUtils.asyncFx(() -> {
            table.setPlaceholder("Nothing ran yet.");
            table.setRows(List.of());
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.selectedItems()).isEmpty();
        assertThat(table.drawnRows()).isZero();
        assertThat(table.getAccessibleText()).isEqualTo("Nothing ran yet.");
    }

    @Test
    void aTextTooLongForItsColumnIsCutWithAnEllipsis() throws Exception {
        String long_ = "a name far too long for the column it is shown in, which is only so wide";
        WaitForAsyncUtils.asyncFx(() -> table.setRows(List.of(new Run(1, long_, 0.5)))).get();
        WaitForAsyncUtils.waitForFxEvents();
        String shown = WaitForAsyncUtils.asyncFx(() -> table.shownText(0, 1)).get();

        assertThat(shown).endsWith("…").hasSizeLessThan(long_.length());
        assertThat(long_).startsWith(shown.substring(0, shown.length() - 1));
    }

    private void click(int row, int column, boolean shift, boolean control) {
        Point2D at = table.onText(row, column);
        for (javafx.event.EventType<MouseEvent> type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
                MouseEvent.MOUSE_CLICKED)) {
            table.fireEvent(new MouseEvent(type, at.getX(), at.getY(), 0, 0, MouseButton.PRIMARY, 1, shift, control,
                    false, false, true, false, false, true, false, false, null));
        }
    }

    private Point2D at(int row, int column) {
        return table.localToScreen(table.onText(row, column));
    }
}
