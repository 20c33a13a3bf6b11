package dev.groundwork.views.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FixedDesks;
import dev.groundwork.views.fakes.TestWindow;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Ideas table of a study that maximizes its reward, driven with the mouse: every column sorts when its header is
 * clicked, the reward best first, and the order holds while the page reads the ideas again; long titles are cut short
 * in their cells with the full title in a tooltip; the detail pane shows the whole idea text. With
 * {@code -Dgroundwork.screenshots=DIR} the table sorted by reward is pictured there (gw-ideas-sorted.png).
 */
@ExtendWith(ApplicationExtension.class)
class IdeasTableFxTest {

    private static final String LONG_TITLE = "See 10 characters of history instead of 4, so that names introduced early"
            + " in a sentence can be copied later";

    @TempDir
    Path temp;

    private IdeasStudy fixture;
    private final TestWindow window = new TestWindow();
    private MainViewModel vm;
    private TableView<IdeaInbox.Row> table;

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        fixture = new IdeasStudy(temp, "maximize");
        // Eleven ideas over three epochs, so that "#" sorted as text (1, 10, 11, 2…) would show.
        List<Idea> ideas = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            String title = i == 4 ? LONG_TITLE : "Idea " + (char) ('a' + (i * 7) % 11);
            ideas.add(fixture.study.store().ideas().propose(new NewIdea(i % 3,
                    i % 2 == 0 ? IdeaOrigin.CATALOG : IdeaOrigin.LLM_EXPLORE, title, "[Experiment] " + "Change one thing"
                    + " and see. ".repeat(i == 4 ? 60 : 1) + "[End]", i > 6 ? List.of((long) i - 5) : List.of(), null)));
        }
        for (Map.Entry<Integer, Double> reward : Map.of(1, 0.30, 2, 0.72, 4, 0.55, 7, 0.91, 9, 0.12).entrySet()) {
            fixture.finishedRun(ideas.get(reward.getKey() - 1), reward.getValue());
        }
        fixture.finishedRun(ideas.get(6), 0.40); // a second, worse run: idea 7 keeps its best, 0.91

        vm = new MainViewModel(new FakeStudies().with(fixture.study), new SameThreadTaskExecutor(), Theme.LIGHT,
                FixedDesks.inbox(fixture.inbox), "ada");
        window.show(() -> new MainView(vm).root(), 980, 700);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.IDEAS);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        table = robot.lookup("#ideas-table").queryTableView();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        fixture.close();
    }

    @Test
    void everyColumnSortsOnAClickTheRewardBestFirstAndTheOrderSurvivesARefresh(FxRobot robot) throws Exception {
        clickHeader(robot, "#");
        assertThat(ids()).as("numbers, not text").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);

        clickHeader(robot, "ideas-reward-column");
        assertThat(ids()).as("maximize: the highest reward first, ideas never run last (newest first)")
                .containsExactly(7L, 2L, 4L, 1L, 9L, 11L, 10L, 8L, 6L, 5L, 3L);

        // The page reads the ideas again (the loop's progress does this): a new idea with a run joins in its place.
        Idea late = fixture.study.store().ideas().propose(new NewIdea(2, IdeaOrigin.HUMAN, "Late idea", "", List.of(),
                null));
        fixture.finishedRun(late, 0.6);
        WaitForAsyncUtils.asyncFx(() -> vm.ideas().inbox().refresh()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSortOrder()).extracting(TableColumn::getId).containsExactly("ideas-reward-column");
        assertThat(ids()).as("still sorted by reward after the refresh")
                .containsExactly(7L, 2L, late.id(), 4L, 1L, 9L, 11L, 10L, 8L, 6L, 5L, 3L);
        window.snapshot(temp, "gw-ideas-sorted.png"); // to be looked at with -Dgroundwork.screenshots=DIR

        clickHeader(robot, "ideas-reward-column");
        assertThat(ids().getFirst()).as("a second click puts the worst first").isEqualTo(3L);

        assertThat(headerText(robot, "ideas-reward-column")).as("the name fits beside the sort arrow").isEqualTo("Reward");
        for (String column : List.of("Status", "Epoch", "Origin", "Title", "Runs", "Parents", "#")) {
            clickHeader(robot, column);
            assertThat(headerText(robot, column)).as("the name fits beside the sort arrow").isEqualTo(column);
            TableColumn<IdeaInbox.Row, ?> sortedBy = table.getSortOrder().getFirst();
            assertThat(sortedBy.getText()).isEqualTo(column);
            @SuppressWarnings("unchecked")
            Comparator<IdeaInbox.Row> order = (Comparator<IdeaInbox.Row>) (Comparator<?>) sortedBy.getComparator();
            assertThat(table.getItems()).as(column).isSortedAccordingTo(order);
        }
        assertThat(ids()).as("#: numbers, not text").startsWith(1L, 2L, 3L).endsWith(10L, 11L, late.id());
        clickHeader(robot, "Epoch");
        assertThat(table.getItems()).extracting(row -> row.idea().epoch()).isSorted().contains(0, 1, 2);
    }

    @Test
    void aLongTitleIsCutShortInItsCellWithTheFullTitleInATooltipAndTheDetailPane(FxRobot robot) throws Exception {
        TableCell<?, ?> cell = robot.lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() != null
                && "ideas-title-column".equals(c.getTableColumn().getId()) && c.getItem() instanceof IdeaInbox.Row row
                && row.idea().title().equals(LONG_TITLE)).query();
        Text shown = (Text) cell.lookup(".text");
        assertThat(shown.getText()).as("elided in the cell").endsWith(((javafx.scene.control.Labeled) cell).getEllipsisString())
                .isNotEqualTo(LONG_TITLE);
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(LONG_TITLE);

        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".idea-detail-title").queryLabeled().getText()).isEqualTo("#4  " + LONG_TITLE);
    }

    @Test
    void theIdeaTextTakesTheHeightItNeeds(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.ideas().inbox().selectedProperty().set(vm.ideas().inbox().rows().stream()
                .filter(row -> row.idea().id() == 4).findFirst().orElseThrow())).get();
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup("#idea-text").query();
        assertThat(node).isInstanceOf(Label.class);
        Label text = (Label) node;
        assertThat(text.getText()).startsWith("[Experiment] ").endsWith("[End]");

        double height = WaitForAsyncUtils.asyncFx(() -> {
            Text probe = new Text(text.getText());
            probe.setFont(text.getFont());
            probe.setLineSpacing(text.getLineSpacing());
            probe.setWrappingWidth(text.getWidth() - text.getInsets().getLeft() - text.getInsets().getRight());
            return probe.getLayoutBounds().getHeight();
        }).get();
        double line = WaitForAsyncUtils.asyncFx(() -> {
            Text probe = new Text("x");
            probe.setFont(text.getFont());
            return probe.getLayoutBounds().getHeight();
        }).get();
        assertThat(height).as("a long text: many lines at this width").isGreaterThan(8 * line);
        assertThat(text.getHeight()).as("every line of the text shows").isGreaterThanOrEqualTo(height);
    }

    /**
     * Clicks a column's header as a mouse does. The headless platform marks every robot click as a popup trigger, on
     * which a header never sorts (a desktop's left click is not one), so the press and release are the header's own
     * events, delivered to it as a left click with the mouse held still.
     */
    private void clickHeader(FxRobot robot, String textOrId) throws Exception {
        TableColumnHeader header = header(robot, textOrId);
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds bounds = header.getLayoutBounds();
            Point2D screen = header.localToScreen(bounds.getCenterX(), bounds.getCenterY());
            for (EventType<MouseEvent> type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
                    MouseEvent.MOUSE_CLICKED)) {
                Event.fireEvent(header, new MouseEvent(header, header, type, bounds.getCenterX(), bounds.getCenterY(),
                        screen.getX(), screen.getY(), MouseButton.PRIMARY, 1, false, false, false, false,
                        type == MouseEvent.MOUSE_PRESSED, false, false, false, false, false, false,
                        type != MouseEvent.MOUSE_PRESSED, null));
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a column's header shows, cut short or not. */
    private static String headerText(FxRobot robot, String textOrId) {
        TableColumnHeader header = header(robot, textOrId);
        return robot.from(header).lookup(".text").match((Text text) -> !text.getText().isEmpty())
                .<Text>query().getText();
    }

    private static TableColumnHeader header(FxRobot robot, String textOrId) {
        return robot.lookup(".column-header").match((TableColumnHeader h) -> h.getTableColumn() != null
                && (textOrId.equals(h.getTableColumn().getText()) || textOrId.equals(h.getTableColumn().getId())))
                .query();
    }

    private List<Long> ids() {
        return table.getItems().stream().map(row -> row.idea().id()).toList();
    }
}
